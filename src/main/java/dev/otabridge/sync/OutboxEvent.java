package dev.otabridge.sync;

/**
 * An event waiting in the outbox: its place (id), its identity, its JSON as it is published, and
 * the trace context it was detected in (null when untraced).
 */
public record OutboxEvent(
        long id,
        String eventId,
        String orgId,
        String assetId,
        String type,
        String payload,
        int attempts,
        long createdAt,
        String traceParent) {}
