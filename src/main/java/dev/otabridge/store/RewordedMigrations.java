package dev.otabridge.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migrations whose comments were reworded after a store ran them. Flyway's checksum covers every
 * line, comments too, so a store that ran the earlier text would refuse to start; here such a store,
 * and only one that ran exactly that text, is given the checksum of the new wording. Any other
 * mismatch still stops the start, as Flyway means it to.
 */
final class RewordedMigrations {

    /** A migration whose text changed in its comments only, with Flyway's checksums of the two texts. */
    record Reworded(String version, int before, int after) {}

    /** Their figures moved to docs/decisions/ (0007, 0010, 0011, 0012). */
    static final List<Reworded> ALL = List.of(
            new Reworded("7", -77848548, -1638859356),
            new Reworded("7.1", 1291061237, -360120692),
            new Reworded("8", -1849999938, -1535313454),
            new Reworded("9", -1031817773, 1836986859),
            new Reworded("9.1", 851735837, -799915125));

    private static final String HISTORY = "flyway_schema_history";

    private RewordedMigrations() {}

    /** @return how many applied migrations were given their new checksum */
    static int realign(DataSource dataSource) {
        if (!hasHistory(dataSource)) {
            return 0;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int realigned = 0;
        for (Reworded migration : ALL) {
            realigned += jdbc.update(
                    "UPDATE \"" + HISTORY + "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?",
                    migration.after(),
                    migration.version(),
                    migration.before());
        }
        return realigned;
    }

    private static boolean hasHistory(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection
                        .getMetaData()
                        .getTables(connection.getCatalog(), connection.getSchema(), HISTORY, null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new IllegalStateException("the store cannot be reached: " + e.getMessage(), e);
        }
    }
}
