package dev.otabridge.api;

import java.util.function.UnaryOperator;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * The request's own HTTP headers. platform-http copies query parameters into the message headers,
 * so a parameter could stand in for a header there: credentials are read here instead.
 */
public final class RequestHeaders {

    private RequestHeaders() {}

    /**
     * A case-insensitive lookup of the HTTP request's headers; for a message that did not come over
     * HTTP (a direct: call), its message headers, which then hold no query parameter.
     */
    public static UnaryOperator<String> of(Message message) {
        if (message instanceof HttpMessage http && http.getRequest() != null) {
            return name -> http.getRequest().headers().get(name);
        }
        return name -> message.getHeader(name, String.class);
    }
}
