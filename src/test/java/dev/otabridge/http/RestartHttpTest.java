package dev.otabridge.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store is a file database: what was loaded is still there after a restart. */
class RestartHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private static JsonNode devices(RunningBundle bundle, String org) throws Exception {
        return JSON.readTree(bundle.post(SearchApiHttpTest.DEVICES + org, "{}").body());
    }

    @Test
    void loadedDataSurvivesARestartAndTheDemoDataIsLoadedOnlyOnce() throws Exception {
        try (RunningBundle first = RunningBundle.start(data, Map.of())) {
            first.post(
                    "/ota-store/v1/records",
                    "{\"devices\":[{\"orgId\":\"kept\",\"assetId\":\"k1\",\"productKey\":\"p\","
                            + "\"deviceKey\":\"d\",\"firmwareVersion\":\"1\",\"isUpgrading\":false}]}");
            first.post(
                    "/ota-store/v1/records",
                    "{\"devices\":[{\"orgId\":\"yourOrgId\",\"assetId\":\"demoAsset01\","
                            + "\"productKey\":\"renamed\",\"deviceKey\":\"d\",\"isUpgrading\":false}]}");
        }
        try (RunningBundle second = RunningBundle.start(data, Map.of())) {
            assertEquals(
                    "k1",
                    devices(second, "kept").get("data").get(0).get("assetId").textValue());
            JsonNode demo = devices(second, "yourOrgId");
            assertEquals(8, demo.get("pagination").get("totalSize").intValue());
            assertEquals("renamed", demo.get("data").get(0).get("productKey").textValue());
        }
    }

    @Test
    void aBlankDemoDataSettingStartsEmpty() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.demo-data", ""))) {
            assertEquals(
                    0,
                    devices(bundle, "yourOrgId")
                            .get("pagination")
                            .get("totalSize")
                            .intValue());
        }
    }

    /** The relay lease's row: its owner and until when it is held (epoch milliseconds). */
    private Object[] relayLease() throws Exception {
        try (Connection store = DriverManager.getConnection(
                        "jdbc:hsqldb:file:" + data.resolve("store/ota") + ";hsqldb.tx=mvcc", "SA", "");
                ResultSet row = store.createStatement()
                        .executeQuery("SELECT owner, expires_at FROM sync_lease WHERE name = 'relay'")) {
            row.next();
            return new Object[] {row.getString(1), row.getLong(2)};
        }
    }

    @Test
    void aGracefulStopReleasesTheRelayLeaseAtOnce() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(
                data,
                Map.of(
                        "ota.sync.relay.enabled",
                        "true",
                        "ota.sync.targets",
                        "log:ota-events?level=OFF",
                        "ota.sync.relay.lease-seconds",
                        "600"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> (long) relayLease()[1] > System.currentTimeMillis());
        }
        Object[] lease = relayLease();
        assertNotNull(lease[0], "it was held");
        assertEquals(0L, lease[1], "released: the next instance takes it at its next pass, not in 10 minutes");
    }
}
