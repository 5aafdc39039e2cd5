package dev.otabridge.sync;

/** An event waiting in the outbox: its place (id), its identity and its JSON as it is published. */
public record OutboxEvent(
        long id,
        String eventId,
        String orgId,
        String assetId,
        String type,
        String payload,
        int attempts,
        long createdAt) {}
