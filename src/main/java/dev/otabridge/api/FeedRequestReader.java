package dev.otabridge.api;

import dev.otabridge.sync.DeviceEvent;
import dev.otabridge.sync.FeedRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the event feed's query string: {@code after} (a cursor, default 0), {@code limit}, the
 * filters {@code orgId}, {@code type}, {@code productKey} and {@code assetId} (each of those two with
 * its orgId), and {@code wait}, the
 * seconds a long poll may wait for the first event. Any other parameter is refused: a filter the
 * feed does not know must not answer every organization's events.
 */
public final class FeedRequestReader {

    private static final Set<String> PARAMETERS =
            Set.of("after", "limit", "orgId", "type", "productKey", "assetId", "wait");

    public FeedRequest read(String rawQuery) {
        QueryString query = QueryString.parse(rawQuery);
        query.refuseOtherThan(PARAMETERS, "the feed takes after, limit, orgId, type, productKey, assetId and wait");
        long after = number("after", query.single("after"), 0, 0, Long.MAX_VALUE);
        int limit = (int) number("limit", query.single("limit"), FeedRequest.DEFAULT_LIMIT, 1, FeedRequest.MAX_LIMIT);
        Optional<String> orgId = query.identifier("orgId");
        Optional<String> productKey = query.identifier("productKey");
        Optional<String> assetId = query.identifier("assetId");
        if (assetId.isPresent() && orgId.isEmpty()) {
            throw ApiException.invalidArgument("assetId", "a device is named by orgId and assetId together");
        }
        if (productKey.isPresent() && orgId.isEmpty()) {
            throw ApiException.invalidArgument("productKey", "a product is named by orgId and productKey together");
        }
        long wait = number("wait", query.single("wait"), 0, 0, FeedRequest.MAX_WAIT_SECONDS);
        return new FeedRequest(
                after,
                limit,
                new FeedRequest.Filter(orgId, productKey, assetId, type(query.single("type"))),
                Duration.ofSeconds(wait));
    }

    private static Optional<DeviceEvent.Type> type(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(DeviceEvent.Type.values())
                .filter(type -> type.name().equals(text))
                .findFirst()
                .map(Optional::of)
                .orElseThrow(() -> ApiException.invalidArgument(
                        "type", "type must be one of " + Arrays.toString(DeviceEvent.Type.values())));
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
