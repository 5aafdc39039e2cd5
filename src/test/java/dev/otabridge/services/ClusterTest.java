package dev.otabridge.services;

import static dev.otabridge.services.UpgradeFlips.assertExactlyInDeviceOrder;
import static dev.otabridge.services.UpgradeFlips.ids;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.api.RecordsReader;
import dev.otabridge.http.ChildBundle;
import dev.otabridge.http.SignedClient;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Three instances (JVMs of their own) on one PostgreSQL schema, the token flow on, relaying to the
 * machine's RabbitMQ: they answer searches alike with one token, and a burst of transitions comes
 * out once per event id although the instance relaying it is killed with SIGKILL in the middle.
 */
@ServicesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FLIPS = 8;
    private static final String SEARCH = "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=";

    private final Rabbit rabbit = new Rabbit();
    private final List<ChildBundle> instances = new ArrayList<>();
    private HikariDataSource database;
    private OtaStore store;
    private RecordsReader records;
    private Path dir;

    @BeforeAll
    void startCluster() throws Exception {
        dir = Files.createTempDirectory("ota-cluster");
        database = TestDatabase.postgres();
        StoreSetup.migrate(database);
        store = new OtaStore(new DataSourceTransactionManager(database), JSON);
        records = new RecordsReader(JSON);
        Path accounts = dir.resolve("accounts.json");
        Files.writeString(accounts, """
                {"accounts": [{"accessKey": "reader", "secret": "s-reader", "orgIds": ["cluster", "burst"],
                               "permissions": ["Firmware/Read"]}]}""");
        Map<String, String> env = new HashMap<>();
        env.put("OTA_DB_URL", database.getJdbcUrl());
        env.put("OTA_DB_USER", database.getUsername());
        env.put("OTA_DEMO_DATA", "");
        env.put("OTA_SECURITY_ACCOUNTS_FILE", accounts.toString());
        env.put("OTA_SYNC_DETECT_TRIGGER", "trigger.repeatInterval=200&trigger.repeatCount=-1");
        env.put("OTA_SYNC_RELAY_ENABLED", "true");
        env.put("OTA_SYNC_RELAY_PERIOD_MILLIS", "100");
        env.put("OTA_SYNC_RELAY_LEASE_SECONDS", "3");
        env.put("OTA_SYNC_TARGETS", rabbit.target());
        env.put("OTA_SYNC_RETRY_FIRST_DELAY_MILLIS", "200");
        env.put("OTA_SYNC_RETRY_MAX_DELAY_MILLIS", "2000");
        for (int i = 0; i < 3; i++) {
            instances.add(ChildBundle.start(dir.resolve("instance" + i), dir.resolve("instance" + i + ".log"), env));
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (ChildBundle instance : instances) {
            instance.close();
        }
        rabbit.close();
        database.close();
    }

    @Test
    void everyInstanceAnswersAlikeWithATokenFromAnyOfThem() throws Exception {
        String devices = "{\"devices\":["
                + String.join(
                        ",",
                        List.of(
                                "{\"orgId\":\"cluster\",\"assetId\":\"a1\",\"productKey\":\"p1\",\"deviceKey\":\"k"
                                        + "1\",\"firmwareVersion\":\"1.0\",\"isUpgrading\":true}",
                                "{\"orgId\":\"cluster\",\"assetId\":\"a2\",\"productKey\":\"p1\",\"deviceKey\":\"k"
                                        + "2\",\"firmwareVersion\":\"1.1\",\"isUpgrading\":false}",
                                "{\"orgId\":\"cluster\",\"assetId\":\"a3\",\"productKey\":\"p2\",\"deviceKey\":\"k"
                                        + "3\",\"firmwareVersion\":\"1.0\",\"isUpgrading\":false}"))
                + "]}";
        store.upsert(records.read(devices));
        SignedClient client = new SignedClient(instances.get(0), "reader", "s-reader");
        String body = "{\"expression\":\"productKey = 'p1' and firmwareVersion in ('1.0', "
                + "'1.1')\",\"pagination\":{\"pageNo\":1,\"pageSize\":10}}";
        List<JsonNode> answers = new ArrayList<>();
        for (ChildBundle instance : instances) {
            ObjectNode answer = (ObjectNode) JSON.readTree(
                    client.on(instance).call(SEARCH + "cluster", body).body());
            assertEquals(36, answer.remove("requestId").textValue().length(), "each answer has its own request id");
            answers.add(answer);
        }
        JsonNode first = answers.get(0);
        assertEquals(0, first.get("code").intValue(), first.toString());
        assertEquals(2, first.get("pagination").get("totalSize").intValue());
        // three instances, or two once the other test has killed the relaying one
        assertTrue(answers.size() >= 2, answers.size() + " instances");
        answers.forEach(answer -> assertEquals(first, answer));
    }

    @Test
    void aBurstComesOutOncePerEventIdAlthoughTheRelayingInstanceIsKilled() throws Exception {
        UpgradeFlips workload = new UpgradeFlips("burst", 40);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        CountDownLatch killed = new CountDownLatch(1);
        UpgradeFlips.Poster writer = (path, body) -> {
            store.upsert(records.read(body));
            Thread.sleep(300);
            return "{\"code\":0}";
        };
        // the burst's first half, then, once the relaying instance is killed, its second half: the kill
        // falls in the middle of the burst however fast the machine delivers
        CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> {
            try {
                workload.flip(writer, 0, FLIPS / 2);
                killed.await();
                workload.flip(writer, FLIPS / 2, FLIPS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> rabbit.drain().size() >= workload.devices());
        long relaying = relayHolder(jdbc);
        ChildBundle victim =
                instances.stream().filter(i -> i.pid() == relaying).findFirst().orElseThrow();
        victim.kill();
        instances.remove(victim);
        killed.countDown();
        burst.join();

        Set<String> expected = workload.expectedIds(FLIPS);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ids(rabbit.drain()).containsAll(expected));
        // the other test's devices share the queue
        List<JsonNode> received = rabbit.drain().stream()
                .filter(e -> e.get("subject").textValue().startsWith("burst/"))
                .toList();
        assertExactlyInDeviceOrder(expected, received);
        assertNotEquals(relaying, relayHolder(jdbc), "a surviving instance took the relay over");
        System.out.printf(
                "cluster burst: %d events expected, %d received (%d redelivered after the kill)%n",
                expected.size(), received.size(), received.size() - expected.size());
    }

    /** The pid of the instance holding the relay lease, from its owner (pid@host/instance). */
    private static long relayHolder(JdbcTemplate jdbc) {
        String owner = jdbc.queryForObject("SELECT owner FROM sync_lease WHERE name = 'relay'", String.class);
        return Long.parseLong(owner.substring(0, owner.indexOf('@')));
    }
}
