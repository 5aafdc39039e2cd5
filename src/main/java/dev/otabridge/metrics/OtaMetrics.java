package dev.otabridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The bundle's own metrics, beside Camel's route metrics, on the registry that
 * {@code /observe/metrics} exposes in Prometheus format. Names are Micrometer's; Prometheus adds
 * the unit and _total suffixes (ota_api_requests_seconds, ota_sync_events_detected_total, ...).
 */
public final class OtaMetrics {

    private final MeterRegistry registry;

    public OtaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One answered API call: which endpoint (its REST route), which EnOS code, how long it took. */
    public void answered(String endpoint, int code, Duration took) {
        Timer.builder("ota.api.requests")
                .description("API calls by endpoint and EnOS result code")
                .tag("endpoint", endpoint == null ? "unknown" : endpoint)
                .tag("code", String.valueOf(code))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** A refused expression, by API and kind of mistake. */
    public void expressionRefused(String api, String kind) {
        Counter.builder("ota.expression.errors")
                .description("Refused search expressions by API and kind")
                .tag("api", api)
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** An event written to the outbox. */
    public void detected(String type, boolean reconciled) {
        Counter.builder("ota.sync.events.detected")
                .description("Transitions written to the outbox")
                .tag("type", type)
                .tag("reconciled", String.valueOf(reconciled))
                .register(registry)
                .increment();
    }

    /** An event every target acknowledged, and how long after its detection. */
    public void delivered(String type, Duration lag) {
        Counter.builder("ota.sync.events.published")
                .description("Events acknowledged by every target")
                .tag("type", type)
                .register(registry)
                .increment();
        Timer.builder("ota.sync.delivery.lag")
                .description("From detection to the last target's acknowledgement")
                .publishPercentileHistogram()
                .register(registry)
                .record(lag);
    }

    /** A failed delivery attempt; {@code parked} when it was the last. */
    public void deliveryFailed(boolean parked) {
        Counter.builder("ota.sync.delivery.failures")
                .description("Failed delivery attempts")
                .tag("parked", String.valueOf(parked))
                .register(registry)
                .increment();
    }

    /** One upstream page mirrored: how many rows it held and how many of them changed the store. */
    public void mirrored(String kind, int rows, int written) {
        Counter.builder("ota.mirror.rows.read")
                .description("Rows read from the upstream API")
                .tag("kind", kind)
                .register(registry)
                .increment(rows);
        Counter.builder("ota.mirror.rows.written")
                .description("Upstream rows that changed the local store")
                .tag("kind", kind)
                .register(registry)
                .increment(written);
    }

    /** A mirror task given up after its retries; the next pass reads it again. */
    public void mirrorFailed() {
        Counter.builder("ota.mirror.failures")
                .description("Mirror tasks given up after their retries")
                .register(registry)
                .increment();
    }

    /** How many events wait in the outbox with {@code status}, read when scraped. */
    public void outboxGauge(String status, Supplier<Number> count) {
        io.micrometer.core.instrument.Gauge.builder("ota.sync.outbox", count)
                .description("Outbox events by status")
                .tag("status", status)
                .register(registry);
    }
}
