package dev.otabridge.sync;

import java.util.Optional;

/**
 * One page of the event feed: the events after cursor {@code after}, at most {@code limit} of them,
 * of one organization, type or device when those are given.
 */
public record FeedRequest(
        long after, int limit, Optional<String> orgId, Optional<DeviceEvent.Type> type, Optional<String> assetId) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Every organization's events of every type. */
    public FeedRequest(long after, int limit) {
        this(after, limit, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
