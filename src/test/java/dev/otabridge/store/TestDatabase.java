package dev.otabridge.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** A fresh, migrated store per call: test classes share a JVM and a server, so names must not repeat. */
public final class TestDatabase {

    private TestDatabase() {}

    /** An in-memory HSQLDB. */
    public static HikariDataSource fresh() {
        HikariDataSource dataSource = freshUnmigrated();
        StoreSetup.migrate(dataSource);
        return dataSource;
    }

    /** An in-memory HSQLDB without a schema, for a test to migrate it by steps ({@link #migrateTo}). */
    public static HikariDataSource freshUnmigrated() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:hsqldb:mem:test-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        dataSource.setUsername("SA");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    /** Applies the migrations up to {@code version}: a store as an earlier release left it. */
    public static void migrateTo(DataSource dataSource, String version) {
        StoreSetup.migrations(dataSource).target(version).load().migrate();
    }

    /** A schema of its own in the machine's PostgreSQL (database test), dropped again on close. */
    public static HikariDataSource postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        String server = "jdbc:postgresql://127.0.0.1:5432/test";
        try (Connection connection = java.sql.DriverManager.getConnection(server, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("the machine's PostgreSQL is not reachable at " + server, e);
        }
        HikariDataSource dataSource = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                try (Connection connection = java.sql.DriverManager.getConnection(server, "postgres", "");
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schema + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop " + schema, e);
                }
            }
        };
        dataSource.setJdbcUrl(server + "?currentSchema=" + schema);
        dataSource.setDataSourceProperties(StoreSetup.driverProperties(server));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
        StoreSetup.migrate(dataSource);
        return dataSource;
    }
}
