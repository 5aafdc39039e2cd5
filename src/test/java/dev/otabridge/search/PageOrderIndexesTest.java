package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.store.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page order is only as fast as the index that holds it: every indexed run a target names must
 * be, with the organization before it and the key after it, the columns of an index of the
 * migrated store. A migration that drops or reshapes such an index fails here rather than in a
 * benchmark, where HSQLDB would quietly go back to sorting every match.
 */
class PageOrderIndexesTest {

    @Test
    void everyIndexedRunOfAPageOrderIsAnIndexOfTheStore() throws Exception {
        try (HikariDataSource store = TestDatabase.fresh();
                Connection connection = store.getConnection()) {
            for (SearchTarget<?> target :
                    List.of(SearchTargets.deviceUpgrades(), SearchTargets.otaJobs(new ObjectMapper()))) {
                List<List<String>> indexes = indexes(connection.getMetaData(), target.table());
                PageOrder order = target.order();
                for (List<String> run : Stream.concat(Stream.of(List.<String>of()), order.indexedRuns().stream())
                        .toList()) {
                    List<String> columns = Stream.of(List.of(order.organization()), run, order.key())
                            .flatMap(List::stream)
                            .map(column -> column.substring(column.indexOf('.') + 1))
                            .toList();
                    assertTrue(
                            indexes.contains(columns),
                            target.table() + " has no index on " + columns + "; its indexes: " + indexes);
                }
            }
        }
    }

    private static List<List<String>> indexes(DatabaseMetaData metaData, String table) throws Exception {
        Map<String, Map<Short, String>> byName = new TreeMap<>();
        try (ResultSet rows = metaData.getIndexInfo(null, null, table.toUpperCase(Locale.ROOT), false, false)) {
            while (rows.next()) {
                byName.computeIfAbsent(rows.getString("INDEX_NAME"), name -> new TreeMap<>())
                        .put(
                                rows.getShort("ORDINAL_POSITION"),
                                rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<List<String>> indexes = new ArrayList<>();
        byName.values().forEach(columns -> indexes.add(List.copyOf(columns.values())));
        return indexes;
    }
}
