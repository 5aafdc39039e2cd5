package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.TestDatabase;
import dev.otabridge.sync.OutboxTest;

/** OutboxTest on the machine's PostgreSQL: the sync behaves the same on both engines. */
@ServicesTest
class PostgresOutboxTest extends OutboxTest {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.postgres();
    }
}
