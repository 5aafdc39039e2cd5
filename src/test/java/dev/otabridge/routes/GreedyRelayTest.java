package dev.otabridge.routes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/** sync-relay.yaml with an hour between passes: only a pass that follows a full batch at once can drain a backlog. */
class GreedyRelayTest extends SyncRoutesTestSupport {

    @Override
    protected String targets() {
        return "mock:target";
    }

    @Override
    protected Properties settings() {
        Properties properties = super.settings();
        properties.setProperty("ota.sync.relay.period-millis", "3600000");
        return properties;
    }

    @Test
    void aFullBatchIsFollowedAtOnceByTheNext() throws Exception {
        AdviceWith.adviceWith(context, "relay-outbox", a -> {
            // a route stopped before the context starts is started with it: the relay would take the
            // events while they are still being detected, in partial batches
            a.getOriginalRoute().setAutoStartup("false");
            a.weaveById("relay-pass-take-due-events").after().to("mock:taken");
        });
        context.start();
        for (int i = 0; i < 250; i++) {
            write("d" + i, true);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox", Long.class) == 250);
        context.getRouteController().startRoute("relay-outbox");
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered() == 250);
        // 100, 100 and 50 one after the other: without greedy passes the hour's delay would hold the rest
        List<Integer> sizes = getMockEndpoint("mock:taken").getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(List.class).size())
                .toList();
        assertEquals(List.of(100, 100, 50), sizes.subList(0, 3));
    }
}
