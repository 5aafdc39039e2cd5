package dev.otabridge.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed proofs of a secret, per app key: after {@code free} failures in a row the key is locked
 * for a delay that doubles with every further failure, up to {@code longest}; a success clears it.
 * Guessing a secret through the token service then costs hours instead of seconds.
 */
final class FailedAttempts {

    private final int free;
    private final Duration longest;
    private final Clock clock;
    private final Map<String, Record> byKey = new ConcurrentHashMap<>();

    private record Record(int failures, long lockedUntil) {}

    FailedAttempts(int free, Duration longest, Clock clock) {
        this.free = free;
        this.longest = longest;
        this.clock = clock;
    }

    /** How long the key stays locked from now; zero when it may try. */
    Duration lockedFor(String appKey) {
        Record record = byKey.get(appKey);
        long left = record == null ? 0 : record.lockedUntil() - clock.millis();
        return left > 0 ? Duration.ofMillis(left) : Duration.ZERO;
    }

    void failed(String appKey) {
        byKey.compute(appKey, (key, before) -> {
            int failures = before == null ? 1 : before.failures() + 1;
            int over = failures - free;
            long delay = over <= 0 ? 0 : Math.min(longest.toMillis(), 1000L << Math.min(over - 1, 30));
            return new Record(failures, clock.millis() + delay);
        });
    }

    void succeeded(String appKey) {
        byKey.remove(appKey);
    }
}
