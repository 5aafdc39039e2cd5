package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.expression.SqlCondition;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.services.ServicesTest;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the case-insensitive name searches are served by the trigram indexes of the
 * postgresql migrations, not by reading the organization's jobs one by one, and read only the
 * request's organization's entries of them. Checked on the plans of the very SQL the search
 * compiles, over 200,000 jobs in 10 organizations.
 */
@ServicesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresNameSearchPlanTest {

    private HikariDataSource database;
    private JdbcTemplate jdbc;
    private SqlSearch<?> jobs;

    @BeforeAll
    void fillStore() {
        database = TestDatabase.postgres();
        StoreSetup.migrate(database);
        jdbc = new JdbcTemplate(database);
        jdbc.update("""
                INSERT INTO ota_job (org_id, job_id, product_key, name_default, name_json, firmware_id,
                    firmware_version,
                                     firmware_name_default, firmware_name_json, job_type, enable_upgrade_request,
                                     upgrade_timeout, status, create_time)
                SELECT 'o' || (i % 10), 'job' || i, 'p', 'Job ' || md5(i::text), '{}', 'f', 'v',
                       'Firmware ' || md5((i * 7)::text), '{}', 'manual', false, 7200, 'running', i
                FROM generate_series(1, 200000) i""");
        jdbc.update(
                "INSERT INTO ota_job_text SELECT org_id, job_id, 'name', 'ja_JP', 'タスク ' || md5(job_id) FROM ota_job");
        jdbc.update("ANALYZE");
        jobs = new SqlSearch<>(
                jdbc,
                SearchTargets.otaJobs(new ObjectMapper()),
                ExpressionLimits.DEFAULT,
                0,
                new OtaMetrics(new SimpleMeterRegistry()));
    }

    @AfterAll
    void dropStore() {
        database.close();
    }

    private String plan(String expression) {
        SqlCondition where = jobs.where(new SearchRequest("o3", expression, 1, 50));
        List<String> lines = jdbc.queryForList(
                "EXPLAIN SELECT COUNT(*) FROM ota_job j WHERE " + where.sql(),
                String.class,
                where.parameters().toArray());
        return String.join("\n", lines);
    }

    @Test
    void theDefaultNameSearchReadsTheTrigramIndex() {
        String plan = plan("name.default like 'AB12'");
        assertTrue(plan.contains("ota_job_name_trgm"), plan);
    }

    @Test
    void theFirmwareNameSearchReadsTheTrigramIndex() {
        String plan = plan("firmwareName.default like 'cd3f'");
        assertTrue(plan.contains("ota_job_firmware_name_trgm"), plan);
    }

    @Test
    void aLocaleNameSearchFindsItsTextsThroughTheTrigramIndex() {
        String plan = plan("name.ja_JP like 'ab12'");
        assertTrue(plan.contains("ota_job_text_content_trgm"), plan);
    }

    @Test
    void aLocaleNameSearchReadsTheTextsOfItsOwnOrganizationOnly() {
        String plan = plan("name.ja_JP like 'e5'");
        assertReadsOnlyTheOrganization(plan, " on ota_job_text ");
    }

    @Test
    void theNameSearchesReadTheirOwnOrganizationsEntriesOfTheTrigramIndexes() {
        assertReadsOnlyTheOrganization(plan("name like 'ab12'"), " on ota_job_name_trgm ");
        assertReadsOnlyTheOrganization(plan("firmwareName like 'cd3f'"), " on ota_job_firmware_name_trgm ");
        assertReadsOnlyTheOrganization(plan("name.ja_JP like 'ab12'"), " on ota_job_text_content_trgm ");
    }

    /** Every node of the plan that reads {@code scanned}, with its children, is limited to o3. */
    private static void assertReadsOnlyTheOrganization(String plan, String scanned) {
        List<String> lines = plan.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(scanned)) {
                int indent = indent(lines.get(i));
                StringBuilder scan = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size() && indent(lines.get(j)) > indent; j++) {
                    scan.append('\n').append(lines.get(j));
                }
                assertTrue(
                        scan.toString().contains("(org_id)::text = 'o3'::text"),
                        "a read" + scanned + "not limited to o3:\n" + plan);
            }
        }
        assertTrue(plan.contains(scanned), plan);
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    @Test
    void aPlainNameSearchReadsTheJobRowsAlone() {
        String plan = plan("name like 'e5'");
        assertFalse(plan.contains("ota_job_text"), plan);
    }

    @Test
    void aNameSearchInALocaleTheJobRowHoldsReadsTheJobRowsAlone() {
        String plan = plan("name.zh_CN like 'ab12'");
        assertFalse(plan.contains("ota_job_text"), plan);
        assertReadsOnlyTheOrganization(plan, " on ota_job_name_trgm ");
    }
}
