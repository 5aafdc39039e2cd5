package dev.otabridge.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP hop between a client and a bundle that breaks on demand: it passes calls through, answers
 * 503, answers an EnOS error envelope, or holds calls without an answer. It records when each call came.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode {
        PASS,
        UNAVAILABLE,
        ENVELOPE_ERROR,
        STALL
    }

    private static final List<String> FORWARDED =
            List.of("Content-Type", "apim-accesstoken", "apim-timestamp", "apim-signature");

    private final HttpServer server;
    private final URI upstream;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Long> calls = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.PASS;

    public FaultyProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** When each call arrived, in epoch milliseconds. */
    public List<Long> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.add(System.currentTimeMillis());
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            switch (mode) {
                case UNAVAILABLE -> answer(exchange, 503, "upstream unavailable");
                case ENVELOPE_ERROR ->
                    answer(
                            exchange,
                            200,
                            "{\"code\":99500,\"msg\":\"internal error\",\"requestId\":\"x\",\"data\":null}");
                case STALL -> {
                    Thread.sleep(5_000);
                    answer(exchange, 504, "too late");
                }
                case PASS -> {
                    HttpRequest.Builder forward = HttpRequest.newBuilder(
                                    upstream.resolve(exchange.getRequestURI().toString()))
                            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                    FORWARDED.forEach(name -> {
                        String value = exchange.getRequestHeaders().getFirst(name);
                        if (value != null) {
                            forward.header(name, value);
                        }
                    });
                    HttpResponse<String> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                    answer(exchange, response.statusCode(), response.body());
                }
                default -> throw new IllegalStateException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a stalled call): nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
