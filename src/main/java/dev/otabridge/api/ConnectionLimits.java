package dev.otabridge.api;

import java.time.Duration;

/**
 * How long and how many connections the HTTP servers hold: a client that sends nothing for
 * {@code idle}, takes longer than {@code header} to send a request's headers (or to start the next
 * request on a kept-alive connection) or longer than {@code body} to send its body, is cut off; at
 * most {@code maxConnections} are open at once.
 */
public record ConnectionLimits(int maxConnections, Duration idle, Duration header, Duration body) {

    public ConnectionLimits {
        require(maxConnections > 0, "ota.http.max-connections", maxConnections);
        require(!idle.isNegative() && !idle.isZero(), "ota.http.idle-timeout-seconds", idle.toSeconds());
        require(!header.isNegative() && !header.isZero(), "ota.http.header-timeout-seconds", header.toSeconds());
        require(!body.isNegative() && !body.isZero(), "ota.http.body-timeout-seconds", body.toSeconds());
    }

    private static void require(boolean valid, String setting, long value) {
        if (!valid) {
            throw new IllegalArgumentException(setting + " is " + value + ": it must be at least 1");
        }
    }
}
