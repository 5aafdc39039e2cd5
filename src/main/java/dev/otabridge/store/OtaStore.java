package dev.otabridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes devices and jobs. Each call is one transaction: a batch is stored whole or not at all.
 * Devices are inserted or replaced by key in each engine's batched form ({@link Upsert}); a job by
 * MERGE, standard SQL that HSQLDB and PostgreSQL (15+) share.
 * Every device written or removed is also appended to the change log the sync detector reads.
 */
public final class OtaStore {

    /** A device's row, in the order it is written; the sync state begins with the same columns. */
    public static final List<Upsert.Column> DEVICE_COLUMNS = List.of(
            new Upsert.Column("org_id", "VARCHAR(64)"),
            new Upsert.Column("asset_id", "VARCHAR(64)"),
            new Upsert.Column("product_key", "VARCHAR(64)"),
            new Upsert.Column("device_key", "VARCHAR(128)"),
            new Upsert.Column("firmware_version", "VARCHAR(128)"),
            new Upsert.Column("is_upgrading", "BOOLEAN"));

    private static final String MERGE_JOB = """
            MERGE INTO ota_job j
            USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)),
                           CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(65536)), CAST(? AS VARCHAR(64)),
                           CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(65536)),
                           CAST(? AS VARCHAR(16)), CAST(? AS BOOLEAN), CAST(? AS VARCHAR(16)),
                           CAST(? AS VARCHAR(4000000)), CAST(? AS BIGINT), CAST(? AS VARCHAR(65536)),
                           CAST(? AS VARCHAR(65536)), CAST(? AS INTEGER), CAST(? AS VARCHAR(16)),
                           CAST(? AS BIGINT), CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(512)),
                           CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(512))))
                  AS s (org_id, job_id, product_key, name_default, name_json, firmware_id, firmware_version,
                        firmware_name_default, firmware_name_json, job_type, enable_upgrade_request, upgrade_policy,
                        upgrade_scope_json, upgrade_timeout, retry_policy_json, schedule_policy_json,
                        maximum_concurrency, status, create_time, name_zh_cn, name_en_us, firmware_name_zh_cn,
                        firmware_name_en_us)
            ON j.org_id = s.org_id AND j.job_id = s.job_id
            WHEN MATCHED THEN UPDATE SET product_key = s.product_key, name_default = s.name_default,
                 name_json = s.name_json, firmware_id = s.firmware_id, firmware_version = s.firmware_version,
                 firmware_name_default = s.firmware_name_default, firmware_name_json = s.firmware_name_json,
                 job_type = s.job_type, enable_upgrade_request = s.enable_upgrade_request,
                 upgrade_policy = s.upgrade_policy, upgrade_scope_json = s.upgrade_scope_json,
                 upgrade_timeout = s.upgrade_timeout, retry_policy_json = s.retry_policy_json,
                 schedule_policy_json = s.schedule_policy_json, maximum_concurrency = s.maximum_concurrency,
                 status = s.status, create_time = s.create_time, name_zh_cn = s.name_zh_cn, name_en_us = s.name_en_us,
                 firmware_name_zh_cn = s.firmware_name_zh_cn, firmware_name_en_us = s.firmware_name_en_us
            WHEN NOT MATCHED THEN INSERT (org_id, job_id, product_key, name_default, name_json, firmware_id,
                 firmware_version, firmware_name_default, firmware_name_json, job_type, enable_upgrade_request,
                 upgrade_policy, upgrade_scope_json, upgrade_timeout, retry_policy_json, schedule_policy_json,
                 maximum_concurrency, status, create_time, name_zh_cn, name_en_us, firmware_name_zh_cn,
                 firmware_name_en_us)
                 VALUES (s.org_id, s.job_id, s.product_key, s.name_default, s.name_json, s.firmware_id,
                 s.firmware_version, s.firmware_name_default, s.firmware_name_json, s.job_type,
                 s.enable_upgrade_request, s.upgrade_policy, s.upgrade_scope_json, s.upgrade_timeout,
                 s.retry_policy_json, s.schedule_policy_json,
                 s.maximum_concurrency, s.status, s.create_time, s.name_zh_cn, s.name_en_us, s.firmware_name_zh_cn,
                 s.firmware_name_en_us)
            """;

    private final JdbcTemplate jdbc;
    private final String upsertDevice;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final DeviceCounts counts;

    public OtaStore(DataSourceTransactionManager transactions, ObjectMapper json) {
        DataSource dataSource = transactions.getDataSource();
        this.jdbc = new JdbcTemplate(dataSource);
        this.upsertDevice = Upsert.of(dataSource).sql("device_firmware", 2, DEVICE_COLUMNS);
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.counts = new DeviceCounts(jdbc);
    }

    public Records.Loaded upsert(Records records) {
        return transaction.execute(status -> {
            long changeSeq = takeChangeNumbers(
                    records.devices().size() + records.removedDevices().size());
            // a device named twice is written once, as its last entry; the change log keeps both
            Map<List<String>, Object[]> devices = new LinkedHashMap<>();
            List<Object[]> changes = new ArrayList<>();
            for (DeviceFirmware d : records.devices()) {
                devices.put(List.of(d.orgId(), d.assetId()), new Object[] {
                    d.orgId(), d.assetId(), d.productKey(), d.deviceKey(), d.firmwareVersion(), d.isUpgrading()
                });
                changes.add(new Object[] {
                    ++changeSeq,
                    d.orgId(),
                    d.assetId(),
                    d.productKey(),
                    d.deviceKey(),
                    d.firmwareVersion(),
                    d.isUpgrading(),
                    false
                });
            }
            Map<String, Long> added = counts.newDevices(records.devices());
            jdbc.batchUpdate(upsertDevice, new ArrayList<>(devices.values()));
            for (Records.DeviceRef removed : records.removedDevices()) {
                int deleted = jdbc.update(
                        "DELETE FROM device_firmware WHERE org_id = ? AND asset_id = ?",
                        removed.orgId(),
                        removed.assetId());
                added.merge(removed.orgId(), (long) -deleted, Long::sum);
                changes.add(
                        new Object[] {++changeSeq, removed.orgId(), removed.assetId(), null, null, null, false, true});
            }
            jdbc.batchUpdate(
                    "INSERT INTO device_change (change_seq, org_id, asset_id, product_key, device_key, "
                            + "firmware_version,"
                            + " is_upgrading, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    changes);
            counts.add(added);
            for (JobInfo job : records.jobs()) {
                upsertJob(job);
            }
            return new Records.Loaded(
                    records.devices().size(),
                    records.jobs().size(),
                    records.removedDevices().size());
        });
    }

    /**
     * Reserves {@code count} change numbers and answers the one before the first. The counter row
     * stays locked until this transaction ends, so numbers are committed in the order taken and the
     * kept device counts ({@link DeviceCounts}) have one writer at a time.
     */
    private long takeChangeNumbers(int count) {
        if (count == 0) {
            return 0;
        }
        jdbc.update("UPDATE store_change_counter SET value = value + ? WHERE id = 1", count);
        return jdbc.queryForObject("SELECT value FROM store_change_counter WHERE id = 1", Long.class) - count;
    }

    /**
     * Recounts each organization's devices and corrects the kept counts that plain SQL made wrong.
     *
     * @return how many organizations' counts were corrected
     */
    public int recountDevices() {
        return counts.recount(transaction);
    }

    /**
     * Whether the store holds no device and no job, from at most one row of each table: a count of
     * all reads every row (through HSQLDB's row cache), and HSQLDB evaluates EXISTS's sub-select whole.
     */
    public boolean isEmpty() {
        return jdbc.queryForObject(
                        "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM device_firmware LIMIT 1) AS d)"
                                + " + (SELECT COUNT(*) FROM (SELECT 1 FROM ota_job LIMIT 1) AS j)"
                                + " FROM (VALUES (0)) AS one (x)",
                        Long.class)
                == 0;
    }

    private void upsertJob(JobInfo job) {
        jdbc.update(
                MERGE_JOB,
                job.orgId(),
                job.jobId(),
                job.productKey(),
                searched(defaultName(job.name())),
                write(job.name()),
                job.firmwareId(),
                job.firmwareVersion(),
                searched(defaultName(job.firmwareName())),
                write(job.firmwareName()),
                job.type(),
                job.enableUpgradeRequest(),
                job.upgradePolicy(),
                write(job.upgradeScope()),
                job.upgradeTimeout(),
                write(job.retryPolicy()),
                write(job.schedulePolicy()),
                job.maximumConcurrency(),
                job.status(),
                job.createTime(),
                searched(localeName(job.name(), "zh_CN")),
                searched(localeName(job.name(), "en_US")),
                searched(localeName(job.firmwareName(), "zh_CN")),
                searched(localeName(job.firmwareName(), "en_US")));
        jdbc.update("DELETE FROM ota_job_text WHERE org_id = ? AND job_id = ?", job.orgId(), job.jobId());
        List<Object[]> texts = new ArrayList<>();
        addTexts(texts, job, "name", job.name());
        addTexts(texts, job, "firmwareName", job.firmwareName());
        jdbc.batchUpdate(
                "INSERT INTO ota_job_text (org_id, job_id, attr, locale, content) VALUES (?, ?, ?, ?, ?)", texts);
    }

    /** Only non-empty texts become rows: a locale without one falls back to the default name. */
    private static void addTexts(List<Object[]> texts, JobInfo job, String attr, JsonNode name) {
        Iterator<String> locales = name.path("i18nValue").fieldNames();
        while (locales.hasNext()) {
            String locale = locales.next();
            String text = localeName(name, locale);
            if (text != null) {
                texts.add(new Object[] {job.orgId(), job.jobId(), attr, locale, searched(text)});
            }
        }
    }

    /** A StringI18n's non-empty text in one locale; null where it has none. */
    private static String localeName(JsonNode name, String locale) {
        JsonNode text = name.path("i18nValue").path(locale);
        return text.isTextual() && !text.textValue().isEmpty() ? text.textValue() : null;
    }

    /** The name columns and ota_job_text hold names as searched; answers come from the JSON as given. */
    private static String searched(String name) {
        return StoredText.folded(name);
    }

    private static String defaultName(JsonNode name) {
        JsonNode value = name.path("defaultValue");
        return value.isTextual() ? value.textValue() : null;
    }

    private String write(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written back", e);
        }
    }
}
