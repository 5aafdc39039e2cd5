package dev.otabridge.services;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.config.StoreConfiguration;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

/** The bundle's pool on the machine's PostgreSQL: its driver sends batches of INSERTs as multi-row INSERTs. */
@ServicesTest
class PostgresDriverSettingsTest {

    @Test
    void theBundlesConnectionsRewriteBatchedInserts() throws Exception {
        try (HikariDataSource dataSource = new StoreConfiguration()
                        .dataSource("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "", 1);
                Connection connection = dataSource.getConnection()) {
            assertTrue(
                    connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled());
        }
    }
}
