package dev.otabridge.sync;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The W3C trace context an event was detected in, kept with it so that its delivery continues that
 * trace. {@link #current()} reads it at detection; as a processor, before a delivery starts, it
 * gives the outbox event's context as the header {@value #HEADER}, which the tracer takes as the
 * delivery's parent. Untraced, there is no current span and nothing is kept.
 */
public final class DetectionTraceParent implements Processor {

    static final String HEADER = "traceparent";

    /** The current span's {@code traceparent} (version 00), or null when the thread is not traced. */
    static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getTraceFlags().asHex()
                : null;
    }

    @Override
    public void process(Exchange exchange) {
        String parent = exchange.getMessage().getBody(OutboxEvent.class).traceParent();
        if (parent != null) {
            exchange.getMessage().setHeader(HEADER, parent);
        }
    }
}
