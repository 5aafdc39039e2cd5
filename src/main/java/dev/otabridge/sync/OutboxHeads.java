package dev.otabridge.sync;

import dev.otabridge.store.DeviceKeys;
import dev.otabridge.store.Placeholders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passes a device's head on to its oldest undelivered event, which the relay then hands out. The
 * detector writes an event behind an undelivered one as a non-head; the relay marks heads delivered.
 * Neither waits for the other: each passes on the heads of the devices it touched after its own
 * commit, so whichever of the two commits last sees the other's work
 * (docs/decisions/0020-heads-passed-on-after-each-commit.md).
 */
final class OutboxHeads {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxHeads.class);

    /** Heads passed on per statement; lists are padded to a few fixed lengths (Placeholders.padded). */
    private static final int CHUNK = 500;

    /** Pending non-heads with nothing undelivered before them: on PostgreSQL read through V15_1's index. */
    static final String REPAIR = "UPDATE sync_outbox SET is_head = TRUE WHERE is_head = FALSE AND status = 'PENDING'"
            + " AND NOT EXISTS (SELECT 1 FROM sync_outbox p WHERE p.org_id = sync_outbox.org_id"
            + " AND p.asset_id = sync_outbox.asset_id AND p.id < sync_outbox.id AND p.status <> 'DELIVERED')";

    private final JdbcTemplate jdbc;
    private final DeviceKeys deviceKeys;

    OutboxHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.deviceKeys = DeviceKeys.of(jdbc.getDataSource());
    }

    /**
     * For each device, makes its oldest undelivered event its head when that one is pending and not
     * yet a head: one query finds them, one statement passes them on (usually none in a burst, where
     * a device has one event). Call after the commit that delivered or wrote the devices' events.
     */
    void passOn(Map<String, Set<String>> devicesByOrganization) {
        // not "= PENDING": an equality on status leads HSQLDB through the status index
        List<Long> oldest = deviceKeys.query(
                jdbc,
                "SELECT MIN(id) FROM sync_outbox WHERE status <> 'DELIVERED' AND %s GROUP BY org_id, asset_id",
                devicesByOrganization,
                (rs, i) -> rs.getLong(1));
        for (int from = 0; from < oldest.size(); from += CHUNK) {
            List<Long> ids = Placeholders.padded(oldest.subList(from, Math.min(oldest.size(), from + CHUNK)));
            // a parked head stays the head; one delivered meanwhile was passed on by its own marking
            jdbc.update(
                    "UPDATE sync_outbox SET is_head = TRUE WHERE is_head = FALSE AND status = 'PENDING' AND id IN ("
                            + Placeholders.of(ids.size()) + ")",
                    ids.toArray());
        }
    }

    /**
     * Passes on every head that was left behind: a process that stopped between a commit and its
     * {@link #passOn} leaves its devices' next events waiting. Reads only pending non-heads.
     *
     * @return how many heads were passed on
     */
    int repair() {
        int repaired = jdbc.update(REPAIR);
        if (repaired > 0) {
            LOG.warn("{} event(s) left behind a delivered one are their devices' heads again", repaired);
        }
        return repaired;
    }
}
