package dev.otabridge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.search.SearchPage;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every answer of the API, success or failure, as EnOS's JSON envelope. */
public final class Envelopes {

    private static final Logger LOG = LoggerFactory.getLogger(Envelopes.class);

    private final ObjectMapper json;

    public Envelopes(ObjectMapper json) {
        this.json = json;
    }

    /** A search page, or any other result as {@code data}. */
    public String ok(Object result) throws JsonProcessingException {
        if (result instanceof SearchPage<?> page) {
            Envelope.Pagination pagination = new Envelope.Pagination(null, page.pageNo(), page.pageSize(), page.totalSize());
            return write(new Envelope(0, "OK", requestId(), page.data(), pagination));
        }
        return write(new Envelope(0, "OK", requestId(), result, null));
    }

    /**
     * The caller's mistake in its own words, or, for anything else, a bare 99500: the details of an
     * internal failure go to the log under the request id, never to the caller.
     */
    public String error(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) throws JsonProcessingException {
        String requestId = requestId();
        if (failure instanceof ApiException refused) {
            LOG.debug("request {} refused: {}", requestId, refused.getMessage());
            return write(new Envelope(refused.code(), refused.getMessage(), requestId, null, null));
        }
        LOG.error("request {} failed", requestId, failure);
        return write(new Envelope(ApiException.INTERNAL_ERROR, "Internal Server Error", requestId, null, null));
    }

    private String write(Envelope envelope) throws JsonProcessingException {
        return json.writeValueAsString(envelope);
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }
}
