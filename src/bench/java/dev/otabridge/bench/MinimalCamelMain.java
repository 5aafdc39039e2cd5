package dev.otabridge.bench;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The start-up baseline the bundle is measured against: a minimal camel-main application, of the
 * bundle's Camel version, with one REST route on camel-main's own HTTP server. Argument: its port.
 */
public final class MinimalCamelMain {

    private MinimalCamelMain() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        // not the bundle's application.properties, which the shared class path holds
        main.setDefaultPropertyPlaceholderLocation("false");
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.server.port", args[0]);
        main.addOverrideProperty("camel.rest.component", "platform-http");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                rest("/hello").get().to("direct:hello");
                from("direct:hello").setBody(constant("{\"code\":0,\"msg\":\"OK\"}"));
            }
        });
        main.run();
    }
}
