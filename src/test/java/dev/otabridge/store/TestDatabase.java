package dev.otabridge.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

/** A fresh, migrated in-memory HSQLDB per call: test classes share a JVM, so names must not repeat. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static HikariDataSource fresh() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:hsqldb:mem:test-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        dataSource.setUsername("SA");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(4);
        StoreSetup.migrate(dataSource);
        return dataSource;
    }
}
