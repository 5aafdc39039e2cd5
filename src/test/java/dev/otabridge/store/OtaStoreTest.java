package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.api.RecordsReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class OtaStoreTest {

    private final HikariDataSource database = TestDatabase.fresh();
    private final ObjectMapper json = new ObjectMapper();
    private final OtaStore store = new OtaStore(new DataSourceTransactionManager(database), json);
    private final RecordsReader reader = new RecordsReader(json);
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @AfterEach
    void close() {
        database.close();
    }

    private static String job(String name) {
        return "{\"orgId\":\"o\",\"jobId\":\"j\",\"name\":" + name + ",\"firmwareId\":\"f\",\"firmwareVersion\":\"1\","
                + "\"firmwareName\":{\"defaultValue\":\"fw\"},\"type\":\"upgrade\",\"status\":\"started\",\"createTi"
                + "me\":5}";
    }

    @Test
    void upsertInsertsThenReplaces() {
        assertTrue(store.isEmpty());
        store.upsert(
                reader.read("{\"devices\":[{\"orgId\":\"o\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\""
                        + ",\"isUpgrading\":true}]}"));
        store.upsert(
                reader.read("{\"devices\":[{\"orgId\":\"o\",\"assetId\":\"a\",\"productKey\":\"p2\",\"deviceKey\":\"d\""
                        + ",\"firmwareVersion\":\"2\",\"isUpgrading\":false}]}"));
        assertEquals(
                List.of(Map.of("PRODUCT_KEY", "p2", "FIRMWARE_VERSION", "2", "IS_UPGRADING", false)),
                jdbc.queryForList("SELECT product_key, firmware_version, is_upgrading FROM device_firmware"));
        assertFalse(store.isEmpty());
    }

    @Test
    void localizedTextsFollowTheLatestNameAndSkipEmptyOnes() {
        store.upsert(reader.read("{\"jobs\":["
                + job("{\"defaultValue\":\"n\",\"i18nValue\":{\"zh_CN\":\"名\",\"en_US\":\"N\"}}") + "]}"));
        store.upsert(reader.read("{\"jobs\":["
                + job("{\"defaultValue\":\"n\",\"i18nValue\":{\"ja_JP\":\"名前\",\"en_US\":\"\"}}") + "]}"));
        assertEquals(
                List.of(Map.of("ATTR", "name", "LOCALE", "ja_JP", "CONTENT", "名前")),
                jdbc.queryForList("SELECT attr, locale, content FROM ota_job_text"));
        assertEquals(
                "{\"defaultValue\":\"n\",\"i18nValue\":{\"ja_JP\":\"名前\",\"en_US\":\"\"}}",
                jdbc.queryForObject("SELECT name_json FROM ota_job", String.class));
    }

    @Test
    void theNamesAPlainSearchMatchesFollowTheLatestNameInTheJobRow() {
        // the row holds them as searched: case-folded (StoredText.folded)
        store.upsert(reader.read("{\"jobs\":["
                + job("{\"defaultValue\":\"n\",\"i18nValue\":{\"zh_CN\":\"名\",\"en_US\":\"N\"}}") + "]}"));
        assertEquals(
                Arrays.asList("名", "n", null, null),
                jdbc
                        .queryForList("SELECT name_zh_cn, name_en_us, firmware_name_zh_cn,"
                                + " firmware_name_en_us FROM ota_job")
                        .get(0)
                        .values()
                        .stream()
                        .toList());
        store.upsert(reader.read(
                "{\"jobs\":[" + job("{\"defaultValue\":\"n\",\"i18nValue\":{\"zh_CN\":\"新\",\"en_US\":\"\"}}") + "]}"));
        assertEquals(
                Arrays.asList("新", null),
                jdbc.queryForList("SELECT name_zh_cn, name_en_us FROM ota_job").get(0).values().stream()
                        .toList());
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() {
        String tooLong = "x".repeat(600);
        Records records = new Records(
                List.of(new DeviceFirmware("o", "a", "p", "d", "1", false)),
                reader.read("{\"jobs\":[" + job("{\"defaultValue\":\"n\"}") + "]}").jobs().stream()
                        .map(j -> new JobInfo(
                                j.orgId(),
                                j.productKey(),
                                j.jobId(),
                                j.name(),
                                j.firmwareId(),
                                tooLong,
                                j.firmwareName(),
                                j.type(),
                                false,
                                null,
                                null,
                                7200,
                                j.status(),
                                5,
                                null,
                                null,
                                null))
                        .toList());
        assertThrows(DataAccessException.class, () -> store.upsert(records));
        assertTrue(store.isEmpty());
    }
}
