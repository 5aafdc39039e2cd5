package dev.otabridge.store.migration;

import dev.otabridge.store.StoredText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Folds the names stored before the searches compared folded text (V11): a Java migration, since
 * the rule is ICU's case folding, which neither database's SQL computes.
 */
public class V11_2__Fold_stored_names extends BaseJavaMigration {

    private static final String[] JOB_COLUMNS = {
        "name_default",
        "firmware_name_default",
        "name_zh_cn",
        "name_en_us",
        "firmware_name_zh_cn",
        "firmware_name_en_us"
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String columns = String.join(", ", JOB_COLUMNS);
        String assignments = String.join(" = ?, ", JOB_COLUMNS) + " = ?";
        // HSQLDB refuses to run an empty batch
        boolean pending = false;
        try (PreparedStatement read =
                        connection.prepareStatement("SELECT org_id, job_id, " + columns + " FROM ota_job");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE ota_job SET " + assignments + " WHERE org_id = ? AND job_id = ?");
                ResultSet jobs = read.executeQuery()) {
            while (jobs.next()) {
                for (int i = 0; i < JOB_COLUMNS.length; i++) {
                    write.setString(i + 1, StoredText.folded(jobs.getString(3 + i)));
                }
                write.setString(JOB_COLUMNS.length + 1, jobs.getString(1));
                write.setString(JOB_COLUMNS.length + 2, jobs.getString(2));
                write.addBatch();
                pending = true;
            }
            if (pending) {
                write.executeBatch();
            }
        }
        pending = false;
        try (PreparedStatement read =
                        connection.prepareStatement("SELECT org_id, job_id, attr, locale, content FROM ota_job_text");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE ota_job_text SET content = ? WHERE org_id = ? AND job_id = ? AND attr = ? AND locale "
                                + "= ?");
                ResultSet texts = read.executeQuery()) {
            while (texts.next()) {
                write.setString(1, StoredText.folded(texts.getString(5)));
                for (int i = 1; i <= 4; i++) {
                    write.setString(i + 1, texts.getString(i));
                }
                write.addBatch();
                pending = true;
            }
            if (pending) {
                write.executeBatch();
            }
        }
    }
}
