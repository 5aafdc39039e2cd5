package dev.otabridge.services;

import dev.otabridge.http.MirrorHttpTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/** Mirror mode end to end as the issue tells it: what changes on A comes out of B's RabbitMQ queue. */
@ServicesTest
class MirrorToRabbitMqTest extends MirrorHttpTest {

    private final Rabbit rabbit = new Rabbit();

    @Override
    protected Map<String, String> mirrorSettings() {
        return Map.of(
                "ota.sync.relay.enabled",
                "true",
                "ota.sync.relay.period-millis",
                "100",
                "ota.sync.targets",
                rabbit.target());
    }

    @Override
    protected Set<String> mirroredEventIds() throws Exception {
        return UpgradeFlips.ids(rabbit.drain());
    }

    @Override
    @AfterAll
    protected void stop() throws Exception {
        super.stop();
        rabbit.close();
    }
}
