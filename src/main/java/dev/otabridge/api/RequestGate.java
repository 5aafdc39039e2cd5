package dev.otabridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a request meets before the router: while Camel starts or stops, an HTTP 503 envelope (the
 * port opens before the routes run); a query string that is not well-formed percent-encoded UTF-8,
 * a 99400 envelope (Vert.x would otherwise fail inside its body handler and never answer). What the
 * router itself refuses (404, 405, 413) answers its plain status, without an HTML page.
 */
public final class RequestGate implements UnaryOperator<Handler<HttpServerRequest>> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final CamelContext context;
    private final Envelopes envelopes;

    public RequestGate(CamelContext context, Envelopes envelopes) {
        this.context = context;
        this.envelopes = envelopes;
    }

    @Override
    public Handler<HttpServerRequest> apply(Handler<HttpServerRequest> next) {
        if (next instanceof Router router) {
            for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
                router.errorHandler(status, failed -> plain(failed.response(), status));
            }
            router.route().order(Integer.MIN_VALUE).failureHandler(this::clientFault);
        }
        return request -> {
            if (!context.getStatus().isStarted()) {
                answer(
                        request.response().putHeader("Retry-After", "1"),
                        503,
                        new ApiException(
                                ApiException.UNAVAILABLE,
                                "Service Unavailable: the server is not running (starting or stopping)"));
                return;
            }
            try {
                QueryString.parse(request.query());
            } catch (ApiException malformed) {
                answer(request.response(), 200, malformed);
                return;
            }
            next.handle(request);
        };
    }

    /**
     * A request stream that broke (the client went away, sent a bad chunk) is the client's fault:
     * the connection's own handler has logged it once, if at all. Anything else goes on to Vert.x's
     * handling of an internal failure, which logs it with its trace.
     */
    private void clientFault(RoutingContext failed) {
        Throwable failure = failed.failure();
        boolean client = failed.statusCode() >= 400 && failed.statusCode() < 500
                || failure instanceof HttpClosedException
                || failure instanceof IOException
                || failure instanceof DecoderException
                || failure instanceof NumberFormatException;
        if (!client) {
            failed.next();
            return;
        }
        LOG.debug(
                "request stream failed on a client fault: {}",
                failure == null ? failed.statusCode() : BoundedHttpServers.firstLine(failure));
        plain(failed.response(), failed.statusCode() >= 400 ? failed.statusCode() : 400);
    }

    private void answer(HttpServerResponse response, int status, ApiException refused) {
        try {
            response.setStatusCode(status).putHeader("Content-Type", JSON).end(envelopes.refusal(refused));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an envelope always serializes", e);
        }
    }

    private static void plain(HttpServerResponse response, int status) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(response.getStatusMessage());
        }
    }
}
