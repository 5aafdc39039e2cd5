package dev.otabridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.expression.ExpressionException;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.search.SearchPage;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every answer of the API, success or failure, as EnOS's JSON envelope. */
public final class Envelopes {

    private static final Logger LOG = LoggerFactory.getLogger(Envelopes.class);

    private final ObjectMapper json;
    private final OtaMetrics metrics;

    public Envelopes(ObjectMapper json, OtaMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** A search page, or any other result as {@code data}. */
    public String ok(Object result, Exchange exchange) throws JsonProcessingException {
        measure(exchange, 0);
        if (result instanceof SearchPage<?> page) {
            Envelope.Pagination pagination =
                    new Envelope.Pagination(null, page.pageNo(), page.pageSize(), page.totalSize());
            return write(new Envelope(0, "OK", requestId(), page.data(), pagination));
        }
        return write(new Envelope(0, "OK", requestId(), result, null));
    }

    /**
     * The caller's mistake in its own words, or, for anything else, a bare 99500: the details of an
     * internal failure go to the log under the request id, never to the caller.
     */
    public String error(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure, Exchange exchange)
            throws JsonProcessingException {
        String requestId = requestId();
        if (failure instanceof ExpressionException refused) {
            failure = ApiException.refusing(refused);
        }
        if (failure instanceof ApiException refused) {
            LOG.debug("request {} refused: {}", requestId, refused.getMessage());
            measure(exchange, refused.code());
            return refusal(refused, requestId);
        }
        LOG.error("request {} failed", requestId, failure);
        measure(exchange, ApiException.INTERNAL_ERROR);
        return write(new Envelope(ApiException.INTERNAL_ERROR, "Internal Server Error", requestId, null, null));
    }

    /** A refusal's envelope, for what answers before any route (malformed query strings, a start in progress). */
    public String refusal(ApiException refused) throws JsonProcessingException {
        return refusal(refused, requestId());
    }

    private String refusal(ApiException refused, String requestId) throws JsonProcessingException {
        return write(new Envelope(refused.code(), refused.getMessage(), requestId, null, null));
    }

    /** The endpoint is the route the request entered by (its REST verb's route). */
    private void measure(Exchange exchange, int code) {
        metrics.answered(
                exchange.getFromRouteId(),
                code,
                Duration.ofMillis(exchange.getClock().elapsed()));
    }

    private String write(Envelope envelope) throws JsonProcessingException {
        return json.writeValueAsString(envelope);
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
