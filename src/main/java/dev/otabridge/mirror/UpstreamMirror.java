package dev.otabridge.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otabridge.api.RecordsReader;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.DeviceKeys;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.StoredRows;
import dev.otabridge.sync.Lease;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mirror mode: the organizations' device upgrade statuses and OTA jobs, read page by page from an
 * upstream EnOS-compatible API, written into the local store through its write path, so the local
 * search serves the mirror and the detector turns the changes into events. A device the upstream
 * answers unchanged is not written again: it would only lengthen the change log.
 */
public final class UpstreamMirror {

    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final List<MirrorTask> tasks = new ArrayList<>();
    private final int pageSize;
    private final OtaStore store;
    private final RecordsReader records;
    private final JdbcTemplate jdbc;
    private final DeviceKeys deviceKeys;
    private final ObjectMapper json;
    private final OtaMetrics metrics;
    private final Lease lease;

    /**
     * @param orgIds comma-separated organization ids to mirror
     * @param lease  of several instances on one store, the one holding it pulls
     */
    public UpstreamMirror(
            String orgIds,
            boolean withJobs,
            int pageSize,
            DataSource dataSource,
            OtaStore store,
            RecordsReader records,
            ObjectMapper json,
            OtaMetrics metrics,
            Lease lease) {
        for (String orgId : orgIds.split(",")) {
            orgId = orgId.trim();
            if (orgId.isEmpty()) {
                continue;
            }
            if (!ORG_ID.matcher(orgId).matches()) {
                throw new IllegalArgumentException(
                        "ota.mirror.org-ids: '" + orgId + "' is not an organization id (letters, digits, _ . -)");
            }
            tasks.add(new MirrorTask(orgId, MirrorTask.Kind.DEVICES));
            if (withJobs) {
                tasks.add(new MirrorTask(orgId, MirrorTask.Kind.JOBS));
            }
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("ota.mirror.page-size must be from 1 to 200, EnOS's largest page");
        }
        this.pageSize = pageSize;
        this.store = store;
        this.records = records;
        this.jdbc = new JdbcTemplate(dataSource);
        this.deviceKeys = DeviceKeys.of(dataSource);
        this.json = json;
        this.metrics = metrics;
        this.lease = lease;
    }

    public boolean configured() {
        return !tasks.isEmpty();
    }

    /** On a graceful stop: another instance mirrors at its next pass instead of after the lease runs out. */
    public void releaseLease() {
        lease.release();
    }

    /** What this pass reads: every task while this instance holds the mirror lease, nothing while another does. */
    public List<MirrorTask> tasks() {
        return lease.hold() ? List.copyOf(tasks) : List.of();
    }

    /** A task given up after its retries: counted, for the alert that the mirror falls behind. */
    public void gaveUp() {
        metrics.mirrorFailed();
    }

    /** The request body of page {@code pageIndex + 1}: no expression, every row of the organization. */
    public String pageRequest(int pageIndex) {
        return "{\"pagination\":{\"pageNo\":" + (pageIndex + 1) + ",\"pageSize\":" + pageSize + "}}";
    }

    /** Writes what changed on one answered page; answers whether another page follows. */
    public boolean storePage(MirrorTask task, int pageIndex, String answer) throws IOException {
        JsonNode root = json.readTree(answer);
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new UpstreamRefused("the upstream API", root.path("code").asInt(-1), "the answer has no data array");
        }
        for (JsonNode item : data) {
            // whatever the upstream says, a row read for an organization is written to that organization
            ((ObjectNode) item).put("orgId", task.orgId());
        }
        ObjectNode document = json.createObjectNode();
        document.set(task.records(), (ArrayNode) data);
        Records page = records.read(json.writeValueAsString(document));
        int written = page.jobs().size();
        if (task.kind() == MirrorTask.Kind.DEVICES) {
            List<DeviceFirmware> changed = changed(task.orgId(), page.devices());
            store.upsert(new Records(changed, List.of()));
            written = changed.size();
        } else {
            store.upsert(page);
        }
        metrics.mirrored(task.kind().name().toLowerCase(), data.size(), written);
        long total = root.path("pagination").path("totalSize").asLong(0);
        return data.size() > 0 && (long) (pageIndex + 1) * pageSize < total;
    }

    private List<DeviceFirmware> changed(String orgId, List<DeviceFirmware> upstream) {
        if (upstream.isEmpty()) {
            return upstream;
        }
        List<Object> parameters = new ArrayList<>();
        String condition = deviceKeys.condition(
                "d.", orgId, upstream.stream().map(DeviceFirmware::assetId).toList(), parameters);
        Set<DeviceFirmware> local = new HashSet<>(jdbc.query(
                "SELECT " + StoredRows.DEVICE_COLUMNS + " FROM device_firmware d WHERE " + condition,
                StoredRows.DEVICES,
                parameters.toArray()));
        return upstream.stream().filter(d -> !local.contains(d)).toList();
    }
}
