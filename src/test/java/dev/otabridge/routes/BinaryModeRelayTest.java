package dev.otabridge.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * ota.sync.cloudevents.mode=binary: a target gets the event's data as the body and its attributes as
 * ce- headers, and no header of the relay's own (an in-JVM endpoint takes the HTTP binding's names).
 */
class BinaryModeRelayTest extends SyncRoutesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected String targets() {
        return "mock:binary";
    }

    @Override
    protected Properties settings() {
        Properties p = super.settings();
        p.setProperty("ota.sync.cloudevents.mode", "binary");
        return p;
    }

    @Test
    void theDataIsTheBodyAndTheAttributesAreHeaders() throws Exception {
        context.start();
        MockEndpoint binary = getMockEndpoint("mock:binary");
        binary.expectedMessageCount(1);
        write("bin", true);
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, binary);
        Map<String, Object> headers =
                binary.getReceivedExchanges().get(0).getMessage().getHeaders();
        JsonNode data =
                JSON.readTree(binary.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        String stored = jdbc.queryForObject("SELECT payload FROM sync_outbox WHERE asset_id = 'bin'", String.class);
        JsonNode event = JSON.readTree(stored);
        assertEquals(event.get("data"), data, "the body is the event's data");
        assertEquals(
                Set.of(
                        "Content-Type",
                        "ce-specversion",
                        "ce-id",
                        "ce-source",
                        "ce-type",
                        "ce-subject",
                        "ce-time",
                        "ce-dataschema"),
                new HashSet<>(headers.keySet()),
                "the binding's headers and nothing else");
        assertEquals("application/json", headers.get("Content-Type"));
        for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time", "dataschema")) {
            assertEquals(event.get(attribute).textValue(), headers.get("ce-" + attribute), attribute);
        }
    }
}
