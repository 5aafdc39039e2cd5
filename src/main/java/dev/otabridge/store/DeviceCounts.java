package dev.otabridge.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each organization's number of devices, kept in device_count by the store's write path so that a
 * search without an expression need not count the organization's keys. Writers keep it exact under
 * the change counter's lock, which every write of devices takes first; the reconciliation sweep
 * recounts what plain SQL changed behind the bundle's back.
 */
public final class DeviceCounts {

    /** The kept count of one organization (no row: none). */
    public static final String OF_ORGANIZATION = "SELECT devices FROM device_count WHERE org_id = ?";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCounts.class);
    private static final Organizations DEVICE_ORGANIZATIONS = Organizations.of("device_firmware");

    private final JdbcTemplate jdbc;
    private final DeviceKeys deviceKeys;

    DeviceCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.deviceKeys = DeviceKeys.of(jdbc.getDataSource());
    }

    /** Per organization, how many of {@code devices} the store does not hold yet: read before they are written. */
    Map<String, Long> newDevices(List<DeviceFirmware> devices) {
        Map<String, Set<String>> named =
                DeviceKeys.byOrganization(devices, DeviceFirmware::orgId, DeviceFirmware::assetId);
        Map<String, Long> added = new LinkedHashMap<>();
        named.forEach((org, assets) -> added.put(org, (long) assets.size()));
        deviceKeys
                .query(jdbc, "SELECT org_id FROM device_firmware WHERE %s", named, (rs, i) -> rs.getString(1))
                .forEach(org -> added.merge(org, -1L, Long::sum));
        return added;
    }

    /** Adds each organization's change to its kept count. */
    void add(Map<String, Long> changes) {
        changes.forEach((org, change) -> {
            if (change != 0
                    && jdbc.update("UPDATE device_count SET devices = devices + ? WHERE org_id = ?", change, org)
                            == 0) {
                jdbc.update("INSERT INTO device_count (org_id, devices) VALUES (?, ?)", org, change);
            }
        });
    }

    /**
     * Counts each organization's devices again, one organization per transaction under the change
     * counter's lock, and corrects the kept counts that differ.
     *
     * @return how many organizations' counts were corrected
     */
    int recount(TransactionTemplate transaction) {
        Set<String> orgs = new LinkedHashSet<>(jdbc.queryForList("SELECT org_id FROM device_count", String.class));
        for (String org = DEVICE_ORGANIZATIONS.after(jdbc, "");
                org != null;
                org = DEVICE_ORGANIZATIONS.after(jdbc, org)) {
            orgs.add(org);
        }
        int corrected = 0;
        for (String each : orgs) {
            Boolean differed = transaction.execute(status -> {
                jdbc.update("UPDATE store_change_counter SET value = value WHERE id = 1");
                long counted =
                        jdbc.queryForObject("SELECT COUNT(*) FROM device_firmware WHERE org_id = ?", Long.class, each);
                List<Long> kept = jdbc.queryForList(OF_ORGANIZATION, Long.class, each);
                if ((kept.isEmpty() ? 0 : kept.get(0)) == counted) {
                    return false;
                }
                jdbc.update("DELETE FROM device_count WHERE org_id = ?", each);
                if (counted > 0) {
                    jdbc.update("INSERT INTO device_count (org_id, devices) VALUES (?, ?)", each, counted);
                }
                return true;
            });
            if (Boolean.TRUE.equals(differed)) {
                corrected++;
            }
        }
        if (corrected > 0) {
            LOG.warn(
                    "the device counts of {} organization(s) were corrected after writes outside the bundle",
                    corrected);
        }
        return corrected;
    }
}
