package dev.otabridge.services;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A webhook receiver as its owner would write one: every request is verified with the Standard
 * Webhooks library and the receiver's secret; a verified one is kept and answered 204, any other
 * answered 401, which the bundle must treat as not delivered.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A request as received: header names in lower case, and the body. */
    record Delivery(Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final Webhook verifier;
    private final List<Delivery> verified = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    private WebhookReceiver(String secret, HttpServer server) {
        verifier = new Webhook(secret);
        this.server = server;
        server.createContext("/", this::receive);
        server.start();
    }

    /** A new random Standard Webhooks secret: whsec_ and the base64 of 32 bytes. */
    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static WebhookReceiver verifyingWith(String secret) throws IOException {
        return new WebhookReceiver(secret, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** Over HTTPS, with the key of {@code tls}. */
    static WebhookReceiver verifyingWith(String secret, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new WebhookReceiver(secret, server);
    }

    String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort() + path;
    }

    List<Delivery> verified() {
        return List.copyOf(verified);
    }

    int refused() {
        return refused.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        int status;
        try {
            verifier.verify(new String(body, StandardCharsets.UTF_8), headers);
            verified.add(new Delivery(
                    headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()
                            .get(0))),
                    body));
            status = 204;
        } catch (WebhookVerificationException e) {
            refused.incrementAndGet();
            status = 401;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
