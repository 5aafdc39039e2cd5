package dev.otabridge.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.store.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * store-load.yaml on the bundle's own configuration: the HTTP upsert (store mocked) and the inbox folder (real store,
 * real files).
 */
class StoreLoadRoutesTest extends BundleRoutesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE =
            "{\"orgId\":\"o\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\",\"isUpgrading\":true}";

    @TempDir
    static Path inbox;

    @Override
    protected Properties settings() {
        Properties properties = new Properties();
        properties.setProperty("ota.inbox.dir", inbox.toString());
        properties.setProperty("ota.inbox.poll-millis", "100");
        return properties;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        AdviceWith.adviceWith(context, "http-records-load", a -> a.weaveById("store-records-http")
                .replace()
                .to("mock:store"));
        AdviceWith.adviceWith(
                context, "load-records-file", a -> a.weaveAddLast().to("mock:inbox-loaded"));
        context.start();
    }

    private long devices() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM device_firmware", Long.class);
    }

    @Test
    void httpLoadReadsTheDocumentAndAnswersWithTheCounts() throws Exception {
        MockEndpoint store = getMockEndpoint("mock:store");
        store.expectedMessageCount(1);
        store.whenAnyExchangeReceived(e -> e.getMessage().setBody(new Records.Loaded(1, 0, 0)));
        String answer =
                template.requestBody("direct:load-records-http", "{\"devices\":[" + DEVICE + "]}", String.class);
        store.assertIsSatisfied();
        assertEquals(
                "o",
                store.getReceivedExchanges()
                        .get(0)
                        .getMessage()
                        .getBody(Records.class)
                        .devices()
                        .get(0)
                        .orgId());
        JsonNode envelope = JSON.readTree(answer);
        assertEquals(0, envelope.get("code").intValue());
        assertEquals(
                "{\"devices\":1,\"jobs\":0,\"removedDevices\":0}",
                envelope.get("data").toString());
    }

    @Test
    void aBadHttpDocumentIsRefusedBeforeTheStore() throws Exception {
        MockEndpoint store = getMockEndpoint("mock:store");
        store.expectedMessageCount(0);
        Exchange answer = template.request(
                "direct:load-records-http", e -> e.getMessage().setBody("{\"devices\":[{\"orgId\":\"o\"}]}"));
        store.assertIsSatisfied();
        JsonNode envelope = JSON.readTree(answer.getMessage().getBody(String.class));
        assertEquals(99400, envelope.get("code").intValue());
        assertEquals(
                "Invalid Argument devices[0].assetId:assetId is missing",
                envelope.get("msg").textValue());
    }

    @Test
    void aGoodInboxFileIsLoadedAndMovedToDone() throws Exception {
        MockEndpoint loaded = getMockEndpoint("mock:inbox-loaded");
        loaded.expectedMessageCount(1);
        Files.writeString(inbox.resolve("good.json"), "{\"devices\":[" + DEVICE + "]}");
        loaded.assertIsSatisfied(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done/good.json")));
        assertEquals(1, devices());
        assertFalse(Files.exists(inbox.resolve("good.json")));
    }

    @Test
    void aBadInboxFileChangesNothingAndGoesToErrorWithItsReason() throws Exception {
        String valid = DEVICE.replace("\"a\"", "\"a2\"");
        Files.writeString(
                inbox.resolve("bad.json"), "{\"devices\":[" + valid + ",{\"orgId\":\"o\",\"assetId\":\"b\"}]}");
        Path reason = inbox.resolve(".error/bad.json.reason.txt");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(inbox.resolve(".error/bad.json")) && Files.exists(reason));
        assertEquals("Invalid Argument devices[1].productKey:productKey is missing", Files.readString(reason));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM device_firmware WHERE asset_id = 'a2'", Long.class));
        assertTrue(getMockEndpoint("mock:inbox-loaded").getReceivedExchanges().isEmpty());
    }
}
