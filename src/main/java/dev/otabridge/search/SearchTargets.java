package dev.otabridge.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.expression.FieldTable;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.JobInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The two EnOS search APIs, each as the table it reads and the order it pages in. */
public final class SearchTargets {

    public static final FieldTable DEVICE_UPGRADE_FIELDS = FieldTable.of(DeviceUpgradeField.class);
    public static final FieldTable OTA_JOB_FIELDS = FieldTable.of(OtaJobField.class);

    private SearchTargets() {
    }

    /** Devices by assetId; org_id leads the ORDER BY so the database reads the primary key in order. */
    public static SearchTarget<DeviceFirmware> deviceUpgrades() {
        return new SearchTarget<>("searchDeviceUpgrade", DEVICE_UPGRADE_FIELDS, "device_firmware", "d",
                "d.org_id, d.asset_id, d.product_key, d.device_key, d.firmware_version, d.is_upgrading",
                new PageOrder("d.org_id", List.of(List.of("d.product_key"), List.of("d.firmware_version"),
                        List.of("d.is_upgrading"), List.of("d.is_upgrading", "d.product_key")), List.of("d.asset_id"), ""),
                (rs, i) -> new DeviceFirmware(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)));
    }

    /** Jobs newest first, as EnOS documents; jobId breaks ties between jobs created in the same millisecond. */
    public static SearchTarget<JobInfo> otaJobs(ObjectMapper json) {
        return new SearchTarget<>("searchOtaJob", OTA_JOB_FIELDS, "ota_job", "j",
                "j.org_id, j.product_key, j.job_id, j.name_json, j.firmware_id, j.firmware_version, j.firmware_name_json,"
                        + " j.job_type, j.enable_upgrade_request, j.upgrade_policy, j.upgrade_scope_json, j.upgrade_timeout,"
                        + " j.status, j.create_time, j.retry_policy_json, j.schedule_policy_json, j.maximum_concurrency",
                new PageOrder("j.org_id", List.of(List.of("j.product_key"), List.of("j.firmware_id"), List.of("j.firmware_version"),
                        List.of("j.status", "j.job_type")), List.of("j.create_time", "j.job_id"), " DESC"),
                (rs, i) -> new JobInfo(rs.getString(1), rs.getString(2), rs.getString(3), tree(json, rs, 4),
                        rs.getString(5), rs.getString(6), tree(json, rs, 7), rs.getString(8), rs.getBoolean(9),
                        rs.getString(10), tree(json, rs, 11), rs.getLong(12), rs.getString(13), rs.getLong(14),
                        tree(json, rs, 15), tree(json, rs, 16), (Integer) rs.getObject(17, Integer.class)));
    }

    private static JsonNode tree(ObjectMapper json, ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON in column " + column + " is not readable", e);
        }
    }
}
