package dev.otabridge.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A named lease in the store's sync_lease table: of several instances on one store, the one
 * holding it does the work; it renews the lease each time it works, and when it stops renewing
 * (it died) the next instance that asks after the lease ran out takes it; one that stops
 * gracefully releases it, and the next instance takes it at once.
 */
public final class Lease {

    private final JdbcTemplate jdbc;
    private final String name;
    private final Duration length;
    private final Clock clock;
    /** Who holds the lease, readable by an operator (SELECT name, owner FROM sync_lease): pid@host/instance. */
    private final String owner = owner();

    /** @param name a row of sync_lease, made by a migration */
    public Lease(DataSource dataSource, String name, Duration length, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.name = name;
        this.length = length;
        this.clock = clock;
    }

    /** Takes or renews the lease: true while this instance holds it. */
    public boolean hold() {
        long now = clock.millis();
        return jdbc.update(
                        "UPDATE sync_lease SET owner = ?, expires_at = ? WHERE name = ? AND (owner = ? OR expires_at "
                                + "< ?)",
                        owner,
                        now + length.toMillis(),
                        name,
                        owner,
                        now)
                == 1;
    }

    /**
     * Gives the lease up if this instance holds it, so another takes it at its next ask instead of after it runs out.
     */
    public void release() {
        jdbc.update("UPDATE sync_lease SET expires_at = 0 WHERE name = ? AND owner = ?", name, owner);
    }

    private static String owner() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        host = host.length() > 40 ? host.substring(0, 40) : host;
        return ProcessHandle.current().pid() + "@" + host + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
