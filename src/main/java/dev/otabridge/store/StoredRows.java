package dev.otabridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/** How the store's rows read back as the APIs' structures: the columns to select and their mapping. */
public final class StoredRows {

    /** Of {@code device_firmware d}. */
    public static final String DEVICE_COLUMNS =
            "d.org_id, d.asset_id, d.product_key, d.device_key, d.firmware_version, d.is_upgrading";

    /** Of {@code ota_job j}. */
    public static final String JOB_COLUMNS =
            "j.org_id, j.product_key, j.job_id, j.name_json, j.firmware_id, j.firmware_version, j.firmware_name_json,"
                    + " j.job_type, j.enable_upgrade_request, j.upgrade_policy, j.upgrade_scope_json, "
                    + "j.upgrade_timeout,"
                    + " j.status, j.create_time, j.retry_policy_json, j.schedule_policy_json, j.maximum_concurrency";

    /** Rows of {@link #DEVICE_COLUMNS}. */
    public static final RowMapper<DeviceFirmware> DEVICES = (rs, i) -> new DeviceFirmware(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6));

    private StoredRows() {}

    /** Rows of {@link #JOB_COLUMNS}, the stored JSON columns read as trees. */
    public static RowMapper<JobInfo> jobs(ObjectMapper json) {
        return (rs, i) -> new JobInfo(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                tree(json, rs, 4),
                rs.getString(5),
                rs.getString(6),
                tree(json, rs, 7),
                rs.getString(8),
                rs.getBoolean(9),
                rs.getString(10),
                tree(json, rs, 11),
                rs.getLong(12),
                rs.getString(13),
                rs.getLong(14),
                tree(json, rs, 15),
                tree(json, rs, 16),
                (Integer) rs.getObject(17, Integer.class));
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
