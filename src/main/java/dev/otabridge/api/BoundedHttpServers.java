package dev.otabridge.api;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance platform-http serves on (the API and the management server alike). Camel
 * offers no setting for a server's timeouts or connection count, so every HTTP server this
 * instance creates is given them here, before it listens: an idle timeout, header and body read
 * deadlines, a cap on open connections, client faults logged as one WARN line without a stack
 * trace, and a record of ports it could not bind. Its request handler is wrapped by {@code front}.
 */
public final class BoundedHttpServers {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedHttpServers.class);
    /** Client faults are logged at most this often, so that a client cannot flood the log with them. */
    private static final Duration WARNING_EVERY = Duration.ofSeconds(1);

    /** A port a server could not listen on, and why. */
    public record BindFailure(String host, int port, String reason) {}

    private final Vertx vertx;
    private final ConnectionLimits limits;
    private final UnaryOperator<Handler<HttpServerRequest>> front;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Deadline> deadlines = new ConcurrentHashMap<>();
    private final List<BindFailure> bindFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_EVERY.toNanos());
    private final AtomicInteger unlogged = new AtomicInteger();

    /**
     * @param front wraps the server's own request handler (the router) with what must happen
     *              before a request reaches it
     */
    public BoundedHttpServers(ConnectionLimits limits, UnaryOperator<Handler<HttpServerRequest>> front) {
        this.vertx = Vertx.vertx();
        this.limits = limits;
        this.front = front;
    }

    /** The instance to bind in the registry, where platform-http looks one up by type. */
    public Vertx vertx() {
        return (Vertx) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {VertxInternal.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createHttpServer")) {
                        HttpServerOptions options =
                                args != null && args.length == 1 && args[0] instanceof HttpServerOptions given
                                        ? new HttpServerOptions(given)
                                        : new HttpServerOptions();
                        // HTTP/1.1 only: with h2c detection a connection is set up, and counted, only once its first
                        // request is read
                        return bounded(vertx.createHttpServer(options.setHttp2ClearTextEnabled(false)
                                .setIdleTimeout((int) limits.idle().toSeconds())
                                .setIdleTimeoutUnit(TimeUnit.SECONDS)));
                    }
                    return call(vertx, method, args);
                });
    }

    public List<BindFailure> bindFailures() {
        return List.copyOf(bindFailures);
    }

    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private HttpServer bounded(HttpServer server) {
        server.connectionHandler(this::opened);
        server.exceptionHandler(failure -> {
            if (failure instanceof IOException) {
                LOG.debug("HTTP connection lost: {}", firstLine(failure));
            } else {
                warn("HTTP connection closed on a client fault: " + firstLine(failure));
            }
        });
        InvocationHandler calls = new InvocationHandler() {
            @Override
            @SuppressWarnings("unchecked")
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("requestHandler") && args.length == 1) {
                    Handler<HttpServerRequest> handler = front.apply((Handler<HttpServerRequest>) args[0]);
                    server.requestHandler(request -> {
                        started(request);
                        handler.handle(request);
                    });
                    return proxy;
                }
                if (method.getName().equals("listen")
                        && args != null
                        && args.length == 3
                        && args[2] instanceof Handler<?> done) {
                    int port = (Integer) args[0];
                    String host = (String) args[1];
                    server.listen(port, host, result -> {
                        if (result.failed()) {
                            // the start stops on it with the setting's name; platform-http's own handler throws it on
                            // the event loop
                            bindFailures.add(new BindFailure(host, port, firstLine(result.cause())));
                            try {
                                ((Handler<AsyncResult<HttpServer>>) done).handle(result);
                            } catch (RuntimeException reported) {
                                LOG.debug("bind failure as platform-http reports it", reported);
                            }
                        } else {
                            ((Handler<AsyncResult<HttpServer>>) done).handle(result);
                        }
                    });
                    return proxy;
                }
                Object result = call(server, method, args);
                return result == server ? proxy : result;
            }
        };
        return (HttpServer)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServer.class}, calls);
    }

    private void opened(HttpConnection connection) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            warn("HTTP connection refused: " + limits.maxConnections()
                    + " connections are open (ota.http.max-connections)");
            connection.close();
            return;
        }
        Deadline deadline = new Deadline(connection);
        deadlines.put(connection, deadline);
        connection.closeHandler(closed -> {
            open.decrementAndGet();
            deadlines.remove(connection).cancel();
        });
        deadline.awaitHeaders();
    }

    private void started(HttpServerRequest request) {
        Deadline deadline = deadlines.get(request.connection());
        if (deadline != null) {
            deadline.started(request);
        }
    }

    /**
     * One connection's clock: the headers of its next request within the header timeout, then the
     * body within the body timeout. A request in flight is looked at every {@link #POLL} or sooner,
     * rather than through end handlers, which the router sets for itself.
     */
    private final class Deadline {
        private static final long POLL = 1000;

        private final HttpConnection connection;
        private final long every = Math.min(
                POLL, Math.min(limits.header().toMillis(), limits.body().toMillis()));
        private HttpServerRequest current;
        private long bodyDue;
        private long timer = -1;

        Deadline(HttpConnection connection) {
            this.connection = connection;
        }

        synchronized void awaitHeaders() {
            arm(limits.header().toMillis(), () -> {
                if (current == null || current.response().ended()) {
                    connection.close();
                } else {
                    poll();
                }
            });
        }

        synchronized void started(HttpServerRequest request) {
            current = request;
            bodyDue = System.nanoTime() + limits.body().toNanos();
            poll();
        }

        /** The body must be in by its deadline; once the answer is out, the next request's headers are due. */
        private void poll() {
            if (!current.isEnded() && System.nanoTime() - bodyDue >= 0) {
                warn("HTTP connection closed: a request body took longer than ota.http.body-timeout-seconds");
                connection.close();
            } else if (current.isEnded() && current.response().ended()) {
                awaitHeaders();
            } else {
                arm(every, this::poll);
            }
        }

        private synchronized void arm(long millis, Runnable then) {
            cancel();
            timer = vertx.setTimer(millis, id -> {
                synchronized (Deadline.this) {
                    if (timer == id) {
                        then.run();
                    }
                }
            });
        }

        synchronized void cancel() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A client fault's WARN line, unless one was logged within {@link #WARNING_EVERY}; the next one counts those left
     * out.
     */
    private void warn(String what) {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARNING_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            int skipped = unlogged.getAndSet(0);
            LOG.warn(skipped == 0 ? what : what + " (and " + skipped + " more client faults since the last such line)");
        } else {
            unlogged.incrementAndGet();
        }
    }

    /** The first line of a failure's message, without any query string it quotes. */
    static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse("").replaceAll("[?#].*", "");
    }
}
