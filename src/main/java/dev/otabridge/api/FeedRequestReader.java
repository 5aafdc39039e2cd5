package dev.otabridge.api;

import dev.otabridge.sync.FeedRequest;

/** Reads the event feed's query string: {@code after} (a cursor, default 0) and {@code limit}. */
public final class FeedRequestReader {

    public FeedRequest read(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        long after = number("after", query.single("after"), 0, 0, Long.MAX_VALUE);
        int limit = (int) number("limit", query.single("limit"), FeedRequest.DEFAULT_LIMIT, 1, FeedRequest.MAX_LIMIT);
        return new FeedRequest(after, limit);
    }

    private static long number(String name, String text, long absent, long min, long max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the allowed range
        }
        throw ApiException.invalidArgument(name, name + " must be an integer from " + min + " to " + max);
    }
}
