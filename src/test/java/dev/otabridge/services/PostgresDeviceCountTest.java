package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.DeviceCountTest;
import dev.otabridge.store.TestDatabase;

/** The per-organization device count on the machine's PostgreSQL: its own triggers and first count (V10_1). */
@ServicesTest
class PostgresDeviceCountTest extends DeviceCountTest {

    @Override
    protected HikariDataSource unmigrated() {
        return TestDatabase.postgresUnmigrated();
    }
}
