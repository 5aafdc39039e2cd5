package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store deployed before V8 gets its jobs' zh_CN and en_US names copied into the job rows, so its plain name searches
 * keep answering.
 */
class NameColumnsMigrationTest {

    @Test
    void theNamesOfJobsStoredBeforeAreCopiedIntoTheirRows() {
        try (HikariDataSource dataSource = TestDatabase.freshUnmigrated()) {
            TestDatabase.migrateTo(dataSource, "7");
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("INSERT INTO ota_job (org_id, job_id, name_default, name_json, firmware_id, firmware_version, "
                    + "firmware_name_json,"
                    + " job_type, enable_upgrade_request, upgrade_timeout, status, create_time)"
                    + " VALUES ('o', 'j', 'n', '{}', 'f', '1', '{}', 'upgrade', FALSE, 7200, 'started', 5)");
            jdbc.update("INSERT INTO ota_job_text (org_id, job_id, attr, locale, content) VALUES ('o', 'j', 'name', "
                    + "'zh_CN', '名'),"
                    + " ('o', 'j', 'name', 'ja_JP', '名前'), ('o', 'j', 'firmwareName', 'en_US', 'FW')");

            StoreSetup.migrate(dataSource);

            // copied by V8, then case-folded by V11_2 as every searched name is
            assertEquals(
                    Arrays.asList("名", null, null, "fw"),
                    jdbc
                            .queryForList("SELECT name_zh_cn, name_en_us, firmware_name_zh_cn,"
                                    + " firmware_name_en_us FROM ota_job")
                            .get(0)
                            .values()
                            .stream()
                            .toList());
        }
    }
}
