package dev.otabridge.sync;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Reads {@link Fleet}: the devices' counts from the store, the stalled upgrades as the detector's
 * stall check marked them, the last hour from the outbox, newest first until an hour back, and the
 * organization's backlog and latest events from the outbox. Each organization read costs a pass
 * over its devices (two past {@link #MAX_GROUPS} groups); the outbox part reads only the last hour
 * and the undelivered events.
 */
public final class FleetSummary {

    /** Product and version pairs answered at most; past that, groupsTruncated. */
    public static final int MAX_GROUPS = 1000;

    public static final int MAX_STALLED = 100;

    /** Events of the last hour counted at most: a burst larger than this is counted this far. */
    static final int MAX_LAST_HOUR = 100_000;

    public static final int LATEST_EVENTS = 20;

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    public FleetSummary(DataSourceTransactionManager transactions, Outbox outbox, Clock clock) {
        this.jdbc = new JdbcTemplate(transactions.getDataSource());
        this.outbox = outbox;
        this.clock = clock;
    }

    public Fleet of(String orgId) {
        List<Fleet.Group> groups = jdbc.query(
                "SELECT product_key, firmware_version, COUNT(*), SUM(CASE WHEN is_upgrading THEN 1 ELSE 0 END)"
                        + " FROM device_firmware WHERE org_id = ? GROUP BY product_key, firmware_version"
                        + " ORDER BY product_key, firmware_version FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Fleet.Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                orgId,
                MAX_GROUPS + 1);
        boolean truncated = groups.size() > MAX_GROUPS;
        // the groups hold every device unless there were too many of them to answer
        long[] totals = truncated
                ? jdbc.queryForObject(
                        "SELECT COUNT(*), SUM(CASE WHEN is_upgrading THEN 1 ELSE 0 END)"
                                + " FROM device_firmware WHERE org_id = ?",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                        orgId)
                : new long[] {
                    groups.stream().mapToLong(Fleet.Group::devices).sum(),
                    groups.stream().mapToLong(Fleet.Group::upgrading).sum()
                };
        List<Fleet.StalledUpgrade> stalled = jdbc.query(
                "SELECT asset_id, product_key, version_before_upgrade, upgrading_since FROM device_sync_state"
                        + " WHERE is_upgrading = TRUE AND stall_reported = TRUE AND removed = FALSE AND org_id = ?"
                        + " ORDER BY upgrading_since, asset_id FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Fleet.StalledUpgrade(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)).toString()),
                orgId,
                MAX_STALLED);
        List<FeedPage.Entry> latest = outbox.latest(orgId, LATEST_EVENTS);
        return new Fleet(
                orgId,
                totals[0],
                totals[1],
                truncated ? groups.subList(0, MAX_GROUPS) : groups,
                truncated,
                stalled,
                lastHour(orgId),
                outbox.backlogOf(orgId),
                latest,
                latest.isEmpty() ? 0 : latest.get(0).cursor());
    }

    /** Walks the organization's events from the newest back, and stops an hour back. */
    private Map<String, Long> lastHour(String orgId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (DeviceEvent.Type type : DeviceEvent.Type.values()) {
            counts.put(type.name(), 0L);
        }
        long since = clock.millis() - Duration.ofHours(1).toMillis();
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT event_type, created_at FROM sync_outbox WHERE org_id = ? ORDER BY id DESC");
                    statement.setString(1, orgId);
                    statement.setMaxRows(MAX_LAST_HOUR);
                    statement.setFetchSize(500);
                    return statement;
                },
                rs -> {
                    while (rs.next() && rs.getLong(2) >= since) {
                        counts.merge(rs.getString(1), 1L, Long::sum);
                    }
                    return null;
                });
        return counts;
    }
}
