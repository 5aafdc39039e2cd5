package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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
            first.post("/ota-store/v1/records", "{\"devices\":[{\"orgId\":\"kept\",\"assetId\":\"k1\",\"productKey\":\"p\","
                    + "\"deviceKey\":\"d\",\"firmwareVersion\":\"1\",\"isUpgrading\":false}]}");
            first.post("/ota-store/v1/records", "{\"devices\":[{\"orgId\":\"yourOrgId\",\"assetId\":\"demoAsset01\","
                    + "\"productKey\":\"renamed\",\"deviceKey\":\"d\",\"isUpgrading\":false}]}");
        }
        try (RunningBundle second = RunningBundle.start(data, Map.of())) {
            assertEquals("k1", devices(second, "kept").get("data").get(0).get("assetId").textValue());
            JsonNode demo = devices(second, "yourOrgId");
            assertEquals(8, demo.get("pagination").get("totalSize").intValue());
            assertEquals("renamed", demo.get("data").get(0).get("productKey").textValue());
        }
    }

    @Test
    void aBlankDemoDataSettingStartsEmpty() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.demo-data", ""))) {
            assertEquals(0, devices(bundle, "yourOrgId").get("pagination").get("totalSize").intValue());
        }
    }
}
