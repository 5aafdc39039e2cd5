package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HSQLDB returns a page without sorting every match only when it reads an index in the page's
 * order, and it picks the index by the columns a condition pins, not by the ORDER BY (V9). Each
 * device search whose pinned columns have an index in asset order must read that index.
 */
class HsqldbPageIndexTest {

    private final HikariDataSource database = TestDatabase.fresh();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final SqlSearch<DeviceFirmware> devices = new SqlSearch<>(
            jdbc,
            SearchTargets.deviceUpgrades(),
            ExpressionLimits.DEFAULT,
            0,
            new OtaMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void close() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "isUpgrading = true                          | DEVICE_FIRMWARE_UPGRADING_BY_ASSET",
                "isUpgrading = false and productKey = 'p'    | DEVICE_FIRMWARE_BY_UPGRADING",
                "productKey = 'p'                            | DEVICE_FIRMWARE_BY_PRODUCT",
                "firmwareVersion = '1.0'                     | DEVICE_FIRMWARE_BY_VERSION"
            })
    void aPageReadsTheIndexThatHoldsItsOrder(String expression, String index) {
        String page = String.join(
                "\n",
                devices.explain(new SearchRequest("o1", expression, 1, 50))
                        .page()
                        .plan());
        assertTrue(page.contains("index=" + index), expression + " should read " + index + ":\n" + page);
    }

    @Test
    void withoutAnExpressionAPageReadsThePrimaryKey() {
        String page = String.join(
                "\n",
                devices.explain(new SearchRequest("o1", null, 1, 50)).page().plan());
        assertTrue(page.contains("index=SYS_PK_"), page);
    }
}
