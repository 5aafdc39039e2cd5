package dev.otabridge.sync;

import java.util.List;

/**
 * One answer of the event feed: the events in detection order, and the cursor to ask after next
 * (the last event's, or the request's when there was none).
 */
public record FeedPage(List<Entry> events, long nextCursor) {

    /** An event with its place in the feed and its delivery status (PENDING, DELIVERED or PARKED). */
    public record Entry(long cursor, String status, DeviceEvent event) {}
}
