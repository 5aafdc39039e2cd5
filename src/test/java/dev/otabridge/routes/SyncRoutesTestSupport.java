package dev.otabridge.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;

/** The sync routes over the bundle's own store, detector and outbox, relaying to {@link #targets()}. */
abstract class SyncRoutesTestSupport extends BundleRoutesTestSupport {

    private static final ObjectMapper EVENTS = new ObjectMapper();

    /** The relay's targets, comma-separated endpoint URIs. */
    protected abstract String targets();

    @Override
    protected Properties settings() {
        Properties p = syncSettings(targets());
        p.setProperty("ota.sync.retry.max-attempts", "5");
        p.setProperty("ota.sync.retry.first-delay-millis", "200");
        p.setProperty("ota.sync.retry.max-delay-millis", "1000");
        // one relay thread: these tests assert what each mock received and in which order
        p.setProperty("ota.sync.relay.parallelism", "1");
        return p;
    }

    protected long delivered() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE status = 'DELIVERED'", Long.class);
    }

    /** A CloudEvents attribute of the structured event a mock target received. */
    protected static String attribute(Exchange received, String name) {
        try {
            return EVENTS.readTree(received.getMessage().getBody(String.class))
                    .path(name)
                    .asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("a target received no JSON event", e);
        }
    }

    /** A device write through the store's write path, as the HTTP load and the inbox make it. */
    protected void write(String assetId, boolean upgrading) {
        context.getRegistry()
                .lookupByNameAndType("otaStore", OtaStore.class)
                .upsert(new Records(List.of(new DeviceFirmware("o", assetId, "p", "d", "1.0", upgrading)), List.of()));
    }
}
