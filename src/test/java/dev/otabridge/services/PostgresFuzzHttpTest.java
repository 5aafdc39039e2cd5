package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.http.FuzzHttpTest;
import dev.otabridge.store.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The hostile-input suite against the bundle on the machine's PostgreSQL: NUL, control characters and surrogates never
 * reach it as a 99500.
 */
@ServicesTest
class PostgresFuzzHttpTest extends FuzzHttpTest {

    private HikariDataSource schema;

    @Override
    protected int requests() {
        return 20_000;
    }

    @Override
    protected Map<String, String> store() {
        schema = TestDatabase.postgres();
        return Map.of("ota.db.url", schema.getJdbcUrl(), "ota.db.user", "postgres", "ota.db.password", "");
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
