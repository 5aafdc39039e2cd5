package dev.otabridge.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.expression.FieldTable;
import dev.otabridge.store.DeviceCounts;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.JobInfo;
import dev.otabridge.store.StoredRows;
import java.util.List;
import java.util.Optional;

/** The two EnOS search APIs, each as the table it reads and the order it pages in. */
public final class SearchTargets {

    public static final FieldTable DEVICE_UPGRADE_FIELDS = FieldTable.of(DeviceUpgradeField.class);
    public static final FieldTable OTA_JOB_FIELDS = FieldTable.of(OtaJobField.class);

    private SearchTargets() {}

    /**
     * Devices by assetId; org_id leads the ORDER BY so the database reads the primary key in order.
     * Without an expression, totalSize is the organization's kept count.
     */
    public static SearchTarget<DeviceFirmware> deviceUpgrades() {
        return new SearchTarget<>(
                "searchDeviceUpgrade",
                DEVICE_UPGRADE_FIELDS,
                "device_firmware",
                "d",
                StoredRows.DEVICE_COLUMNS,
                new PageOrder(
                        "d.org_id",
                        List.of(
                                List.of("d.product_key"),
                                List.of("d.firmware_version"),
                                List.of("d.is_upgrading"),
                                List.of("d.is_upgrading", "d.product_key")),
                        List.of("d.asset_id"),
                        ""),
                StoredRows.DEVICES,
                Optional.of(DeviceCounts.OF_ORGANIZATION));
    }

    /** Jobs newest first, as EnOS documents; jobId breaks ties between jobs created in the same millisecond. */
    public static SearchTarget<JobInfo> otaJobs(ObjectMapper json) {
        return new SearchTarget<>(
                "searchOtaJob",
                OTA_JOB_FIELDS,
                "ota_job",
                "j",
                StoredRows.JOB_COLUMNS,
                new PageOrder(
                        "j.org_id",
                        List.of(
                                List.of("j.product_key"),
                                List.of("j.firmware_id"),
                                List.of("j.firmware_version"),
                                List.of("j.status", "j.job_type")),
                        List.of("j.create_time", "j.job_id"),
                        " DESC"),
                StoredRows.jobs(json),
                Optional.empty());
    }
}
