package dev.otabridge.sync;

import dev.otabridge.store.DeviceKeys;
import dev.otabridge.store.Placeholders;
import java.util.ArrayList;
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

    /** Devices per statement; lists are padded to a few fixed lengths (Placeholders.padded). */
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
        List<Long> oldest = new ArrayList<>();
        for (Map.Entry<String, Set<String>> org : devicesByOrganization.entrySet()) {
            List<String> assets = new ArrayList<>(org.getValue());
            for (int from = 0; from < assets.size(); from += CHUNK) {
                List<Object> parameters = new ArrayList<>();
                String devices = deviceKeys.condition(
                        "", org.getKey(), assets.subList(from, Math.min(assets.size(), from + CHUNK)), parameters);
                // not "= PENDING": an equality on status leads HSQLDB through the status index
                oldest.addAll(jdbc.queryForList(
                        "SELECT MIN(id) FROM sync_outbox WHERE status <> 'DELIVERED' AND " + devices
                                + " GROUP BY org_id, asset_id",
                        Long.class,
                        parameters.toArray()));
            }
        }
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
