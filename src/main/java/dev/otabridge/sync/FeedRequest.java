package dev.otabridge.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * One page of the event feed: the events after cursor {@code after}, at most {@code limit} of them,
 * of one organization, type or device when those are given; when none is there yet, the feed waits up
 * to {@code wait} for the first (a long poll).
 */
public record FeedRequest(
        long after,
        int limit,
        Optional<String> orgId,
        Optional<DeviceEvent.Type> type,
        Optional<String> assetId,
        Duration longPoll) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Below the HTTP idle timeout's default, and within a graceful shutdown's wait. */
    public static final int MAX_WAIT_SECONDS = 10;

    /** Every organization's events of every type, at once. */
    public FeedRequest(long after, int limit) {
        this(after, limit, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO);
    }
}
