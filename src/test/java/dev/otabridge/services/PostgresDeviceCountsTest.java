package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.DeviceCountsTest;
import dev.otabridge.store.TestDatabase;

/** DeviceCountsTest on the machine's PostgreSQL: writers side by side wait on the same row lock there. */
@ServicesTest
class PostgresDeviceCountsTest extends DeviceCountsTest {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.postgres();
    }
}
