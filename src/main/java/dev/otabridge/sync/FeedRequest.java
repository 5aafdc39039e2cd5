package dev.otabridge.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * One page of the event feed: the events after cursor {@code after}, at most {@code limit} of them,
 * that pass {@code filter}; when none is there yet, the feed waits up to {@code longPoll} for the
 * first (a long poll).
 */
public record FeedRequest(long after, int limit, Filter filter, Duration longPoll) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Below the HTTP idle timeout's default, and within a graceful shutdown's wait. */
    public static final int MAX_WAIT_SECONDS = 10;

    /** Every organization's events of every type, at once. */
    public FeedRequest(long after, int limit) {
        this(after, limit, Filter.NONE, Duration.ZERO);
    }

    /** The events of one organization, product, device or type, where given. */
    public record Filter(
            Optional<String> orgId,
            Optional<String> productKey,
            Optional<String> assetId,
            Optional<DeviceEvent.Type> type) {

        public static final Filter NONE =
                new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Filter org(String orgId) {
            return new Filter(Optional.of(orgId), productKey, assetId, type);
        }

        public Filter product(String productKey) {
            return new Filter(orgId, Optional.of(productKey), assetId, type);
        }

        public Filter device(String assetId) {
            return new Filter(orgId, productKey, Optional.of(assetId), type);
        }

        public Filter type(DeviceEvent.Type type) {
            return new Filter(orgId, productKey, assetId, Optional.of(type));
        }
    }
}
