package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A store that ran a migration before its comments were reworded starts on the new wording; no other mismatch does. */
class RewordedMigrationsTest {

    private final HikariDataSource database = TestDatabase.fresh();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @AfterEach
    void close() {
        database.close();
    }

    private int checksum(String version) {
        return jdbc.queryForObject(
                "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = ?", Integer.class, version);
    }

    @Test
    void eachNewChecksumIsFlywaysOwnOfTheMigrationAsItStands() {
        // applied ones report what the store ran, which is the text as it stands; PostgreSQL's are read, not run
        MigrationInfo[] all = StoreSetup.migrations(database)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/hsqldb",
                        "classpath:db/migration/postgresql")
                .load()
                .info()
                .all();
        Map<String, Integer> resolved = Arrays.stream(all)
                .filter(info -> info.getChecksum() != null && info.getVersion() != null)
                .collect(Collectors.toMap(
                        info -> info.getVersion().getVersion(),
                        MigrationInfo::getChecksum,
                        (applied, pending) -> applied));
        for (RewordedMigrations.Reworded migration : RewordedMigrations.ALL) {
            assertEquals(migration.after(), resolved.get(migration.version()), "V" + migration.version());
        }
    }

    @Test
    void aStoreThatRanTheEarlierWordingStartsAndTakesTheNewChecksum() {
        for (RewordedMigrations.Reworded migration : RewordedMigrations.ALL) {
            jdbc.update(
                    "UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ?",
                    migration.before(),
                    migration.version());
        }
        StoreSetup.migrate(database);
        assertEquals(RewordedMigrations.ALL.get(0).after(), checksum("7"));
        assertEquals(RewordedMigrations.ALL.get(4).after(), checksum("9.1"));
    }

    @Test
    void anyOtherMismatchStillStopsTheStart() {
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '7'");
        Exception refused = assertThrows(Exception.class, () -> StoreSetup.migrate(database));
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
        assertEquals(12345, checksum("7"));
    }
}
