package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.search.DifferentialSearchTest;
import dev.otabridge.store.TestDatabase;

/** The differential search test on the machine's PostgreSQL: the same migrations, the same answers. */
@ServicesTest
class PostgresDifferentialSearchTest extends DifferentialSearchTest {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.postgres();
    }

    @Override
    protected int expressionsPerApi() {
        return 2_000;
    }
}
