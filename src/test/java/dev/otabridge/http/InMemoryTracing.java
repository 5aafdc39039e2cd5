package dev.otabridge.http;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OpenTelemetry SDK with its testing exporter, which keeps every finished span in memory: bound
 * in a bundle's registry (its {@link #beans()}), it is the tracer the bundle traces with. An
 * extension of a test's, shut down after each test.
 */
public final class InMemoryTracing implements AfterEachCallback {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /** The tracer and propagators, under names of their own: the bundle then makes none. */
    public Map<String, Object> beans() {
        return Map.of("testTracer", sdk.getTracer("camel"), "testPropagators", sdk.getPropagators());
    }

    public List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    public List<SpanData> ofTrace(String traceId) {
        return finished().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    public Optional<SpanData> span(String spanId) {
        return finished().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst();
    }

    /** Whether {@code ancestorSpanId} is the parent of {@code span}, or of its parent, and so on. */
    public boolean descendsFrom(SpanData span, String ancestorSpanId) {
        Map<String, SpanData> byId =
                finished().stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        for (String parent = span.getParentSpanId(); ; parent = byId.get(parent).getParentSpanId()) {
            if (parent.equals(ancestorSpanId)) {
                return true;
            }
            if (!byId.containsKey(parent)) {
                return false;
            }
        }
    }

    /** Names with their span and parent ids, for a failure's message. */
    public static String names(List<SpanData> spans) {
        return spans.stream()
                .map(s -> s.getName() + "(" + s.getSpanId() + "<-" + s.getParentSpanId() + ")")
                .toList()
                .toString();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sdk.close();
    }
}
