package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.TestDatabase;
import dev.otabridge.sync.TransitionDetectorTest;

/** TransitionDetectorTest on the machine's PostgreSQL: the sync behaves the same on both engines. */
@ServicesTest
class PostgresTransitionDetectorTest extends TransitionDetectorTest {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.postgres();
    }
}
