package dev.otabridge.sync;

/** One page of the event feed: the events after cursor {@code after}, at most {@code limit} of them. */
public record FeedRequest(long after, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
}
