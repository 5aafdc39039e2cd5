package dev.otabridge.routes;

import java.util.concurrent.TimeUnit;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** A target URI may name the event type, so each type can have a queue of its own. */
class RelayByEventTypeTest extends SyncRoutesTestSupport {

    @Override
    protected String targets() {
        return "mock:${header.OtaEventType},mock:all";
    }

    @Test
    void eachTypeGoesToItsOwnTargetAndAllToTheShared() throws Exception {
        context.start();
        MockEndpoint started = getMockEndpoint("mock:UPGRADE_STARTED");
        MockEndpoint finished = getMockEndpoint("mock:UPGRADE_FINISHED");
        MockEndpoint all = getMockEndpoint("mock:all");
        started.allMessages().body(String.class).contains("\"type\":\"UPGRADE_STARTED\"");
        started.expectedMessageCount(1);
        finished.allMessages().body(String.class).contains("\"type\":\"UPGRADE_FINISHED\"");
        finished.expectedMessageCount(1);
        all.expectedMessageCount(2);
        write("a", true);
        write("a", false);
        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, started, finished, all);
    }
}
