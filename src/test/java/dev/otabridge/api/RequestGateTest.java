package dev.otabridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.metrics.OtaMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate in front of a real Vert.x router: 503 until Camel runs, then the router's answers, never an HTML page. */
class RequestGateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final CamelContext camel = new DefaultCamelContext();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        Router router = Router.router(vertx);
        router.get("/ok").handler(ctx -> ctx.response().end("routed"));
        RequestGate gate = new RequestGate(camel, new Envelopes(JSON, new OtaMetrics(new SimpleMeterRegistry())));
        server = vertx.createHttpServer()
                .requestHandler(gate.apply(router))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void untilCamelHasStartedEveryPathAnswersA503Envelope() throws Exception {
        for (String path : new String[] {"/ok", "/connect-service/v2.1/ota-jobs?action=search", "/nowhere"}) {
            HttpResponse<String> response = get(path);
            assertEquals(503, response.statusCode());
            assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
            JsonNode answer = JSON.readTree(response.body());
            assertEquals(99503, answer.get("code").intValue());
            assertEquals(
                    "Service Unavailable: the server is not running (starting or stopping)",
                    answer.get("msg").textValue());
        }
        camel.start();
        assertEquals("routed", get("/ok").body());
        HttpResponse<String> unknown = get("/nowhere");
        assertEquals(404, unknown.statusCode());
        assertEquals("Not Found", unknown.body());
        camel.stop();
        assertEquals(503, get("/ok").statusCode());
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsAnEnvelopeBeforeTheRouter() throws Exception {
        camel.start();
        HttpResponse<String> response = get("/ok?x=%C3");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(
                "Invalid Argument query:the query string is not UTF-8 once percent-decoded",
                JSON.readTree(response.body()).get("msg").textValue());
    }
}
