package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A store deployed before V11 gets the names it holds case-folded, as the searches now compare them. */
class FoldedNamesMigrationTest {

    @Test
    void theNamesStoredBeforeAreFoldedInTheJobRowsAndTheTexts() {
        try (HikariDataSource dataSource = TestDatabase.freshUnmigrated()) {
            TestDatabase.migrateTo(dataSource, "10");
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.update("INSERT INTO ota_job (org_id, job_id, name_default, name_json, firmware_id, firmware_version,"
                    + " firmware_name_default, firmware_name_json, job_type, enable_upgrade_request, "
                    + "upgrade_timeout, status, create_time,"
                    + " name_zh_cn, name_en_us) VALUES ('o', 'j', 'Straße', '{}', 'f', '1', 'ΣΊΣΥΦΟΣ', '{}', "
                    + "'upgrade', FALSE, 7200,"
                    + " 'started', 5, '名', 'İstanbul')");
            jdbc.update("INSERT INTO ota_job_text (org_id, job_id, attr, locale, content) VALUES ('o', 'j', 'name', "
                    + "'en_US', 'İstanbul'),"
                    + " ('o', 'j', 'firmwareName', 'de_DE', 'GRÜSSE')");

            StoreSetup.migrate(dataSource);

            assertEquals(
                    Arrays.asList("strasse", "σίσυφοσ", "名", "i\u0307stanbul", null),
                    jdbc
                            .queryForList("SELECT name_default,"
                                    + " firmware_name_default, name_zh_cn, name_en_us, firmware_name_zh_cn "
                                    + "FROM ota_job")
                            .get(0)
                            .values()
                            .stream()
                            .toList());
            assertEquals(
                    Arrays.asList("grüsse", "i\u0307stanbul"),
                    jdbc.queryForList("SELECT content FROM ota_job_text ORDER BY attr", String.class));
        }
    }
}
