package dev.otabridge.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.otabridge.search.SearchTargets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlCompilerTest {

    private static SqlCondition devices(String expression) {
        return SqlCompiler.compile(new ExpressionParser(SearchTargets.DEVICE_UPGRADE_FIELDS, ExpressionLimits.DEFAULT)
                .parse(expression)
                .orElseThrow());
    }

    private static SqlCondition jobs(String expression) {
        return SqlCompiler.compile(new ExpressionParser(SearchTargets.OTA_JOB_FIELDS, ExpressionLimits.DEFAULT)
                .parse(expression)
                .orElseThrow());
    }

    @Test
    void equalsAndInBindEveryValue() {
        SqlCondition c = devices("productKey = 'a' and firmwareVersion in ('1', '2') or isUpgrading = true");
        assertEquals("((d.product_key = ? AND d.firmware_version IN (?, ?)) OR d.is_upgrading = ?)", c.sql());
        assertEquals(List.of("a", "1", "2", true), c.parameters());
    }

    @Test
    void onlyEqualitiesEveryMatchMustMeetPinTheirColumn() {
        assertEquals(
                Set.of("d.product_key", "d.is_upgrading"),
                devices("isUpgrading = false and productKey = 'a'").pinnedColumns());
        assertEquals(
                Set.of("d.product_key", "d.is_upgrading", "d.firmware_version"),
                devices("(productKey in ('a') and firmwareVersion = '1') and isUpgrading = true")
                        .pinnedColumns());
        assertEquals(
                Set.of("d.is_upgrading"),
                devices("(productKey = 'a' or productKey = 'b') and isUpgrading = true")
                        .pinnedColumns());
        assertEquals(Set.of(), devices("productKey in ('a', 'b')").pinnedColumns());
        assertEquals(Set.of(), devices("productKey = 'a' or isUpgrading = true").pinnedColumns());
        assertEquals(
                Set.of("j.status"), jobs("status = 'started' and name like 'x'").pinnedColumns());
    }

    @Test
    void valuesNeverReachTheSqlText() {
        String hostile = "x' OR '1'='1'; DROP TABLE device_firmware; --";
        SqlCondition c = devices("productKey = \"" + hostile + "\"");
        assertEquals("d.product_key = ?", c.sql());
        assertEquals(List.of(hostile), c.parameters());
        assertFalse(jobs("name like \"" + hostile + "\"").sql().contains("DROP"));
    }

    @Test
    void likeIsACaseInsensitiveSubstringWithLiteralWildcards() {
        assertEquals("%50\\%\\_off\\\\%", SqlCompiler.containsPattern("50%_OFF\\"));
        SqlCondition c = jobs("name.defaultValue like 'Ab%'");
        assertEquals("j.name_default LIKE ? ESCAPE '\\'", c.sql());
        assertEquals(List.of("%ab\\%%"), c.parameters());
    }

    @Test
    void plainNameSearchesDefaultChineseAndEnglish() {
        SqlCondition c = jobs("name like 'x'");
        assertEquals(
                "(j.name_default LIKE ? ESCAPE '\\' OR j.name_zh_cn LIKE ? ESCAPE '\\'"
                        + " OR j.name_en_us LIKE ? ESCAPE '\\')",
                c.sql());
        assertEquals(List.of("%x%", "%x%", "%x%"), c.parameters());
    }

    @Test
    void aLocaleFallsBackToTheDefaultNameWhereItHasNone() {
        SqlCondition c = jobs("firmwareName.ja_JP like 'x'");
        assertEquals(
                "(EXISTS (SELECT 1 FROM ota_job_text t WHERE t.org_id = ? AND t.job_id = j.job_id"
                        + " AND t.attr = 'firmwareName' AND t.locale = ? AND t.content LIKE ? ESCAPE '\\')"
                        + " OR (NOT EXISTS (SELECT 1 FROM ota_job_text t WHERE t.org_id = ? AND t.job_id = j.job_id"
                        + " AND t.attr = 'firmwareName' AND t.locale = ?) AND j.firmware_name_default LIKE ? ESCAPE "
                        + "'\\'))",
                c.sql());
        assertEquals(
                List.of(SqlCondition.ORGANIZATION, "ja_JP", "%x%", SqlCondition.ORGANIZATION, "ja_JP", "%x%"),
                c.parameters());
    }

    @Test
    void theTextsSearchedAreThoseOfTheRequestsOrganization() {
        SqlCondition c = jobs("name.ja_JP like 'x' or productKey = 'p'").forOrganization("o1");
        assertEquals(List.of("o1", "ja_JP", "%x%", "o1", "ja_JP", "%x%", "p"), c.parameters());
    }

    @Test
    void aLocaleTheJobRowHoldsIsSearchedInItsColumnWithoutTheTexts() {
        SqlCondition c = jobs("name.zh_CN like 'x' and firmwareName.en_US like 'y'");
        assertEquals(
                "((j.name_zh_cn LIKE ? ESCAPE '\\' OR (j.name_zh_cn IS NULL AND j.name_default LIKE ? ESCAPE '\\'))"
                        + " AND (j.firmware_name_en_us LIKE ? ESCAPE '\\' OR (j.firmware_name_en_us IS NULL"
                        + " AND j.firmware_name_default LIKE ? ESCAPE '\\')))",
                c.sql());
        assertEquals(List.of("%x%", "%x%", "%y%", "%y%"), c.parameters());
    }

    @Test
    void jobExactFieldsMapToTheirColumns() {
        SqlCondition c = jobs(
                "productKey = 'p' and firmwareId in ('f') and firmwareVersion = 'v' and type = 'verify' and status = "
                        + "'stopped'");
        assertEquals(
                "(j.product_key = ? AND j.firmware_id IN (?) AND j.firmware_version = ? AND j.job_type = ? AND "
                        + "j.status = ?)",
                c.sql());
        assertEquals(List.of("p", "f", "v", "verify", "stopped"), c.parameters());
    }
}
