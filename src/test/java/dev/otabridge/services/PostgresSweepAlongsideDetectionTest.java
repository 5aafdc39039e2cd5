package dev.otabridge.services;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.TestDatabase;
import dev.otabridge.sync.SweepAlongsideDetectionTest;

/** SweepAlongsideDetectionTest on the machine's PostgreSQL. */
@ServicesTest
class PostgresSweepAlongsideDetectionTest extends SweepAlongsideDetectionTest {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.postgres();
    }
}
