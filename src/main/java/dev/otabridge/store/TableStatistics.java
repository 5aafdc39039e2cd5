package dev.otabridge.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's planner statistics of a table the bundle grows in bursts current. Autovacuum
 * looks at a table once a minute at best (and never where it is off), while the detector can fill
 * the outbox faster: plans made from statistics taken while the outbox was nearly empty read all of
 * an organization's events to check a few of its devices
 * (docs/decisions/0009-outbox-statistics-after-bursts.md). The table is analyzed again when the rows written
 * since the last analysis reach the number it held then, and at least {@value #LEAST_ROWS}: a
 * growing table is analyzed a few times, a large one seldom. HSQLDB plans without statistics.
 */
public final class TableStatistics {

    private static final long LEAST_ROWS = 5_000;

    private final JdbcTemplate jdbc;
    private final String table;
    private long writtenSinceAnalysis;
    private long rowsAtAnalysis = -1;

    private TableStatistics(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** @param table a table name of the bundle's schema, never caller input */
    public static TableStatistics of(DataSource dataSource, String table) {
        return new TableStatistics(
                StoreSetup.vendor(dataSource).equals("postgresql") ? new JdbcTemplate(dataSource) : null, table);
    }

    /** Counts rows written (committed) to the table, and analyzes it when they have changed its size enough. */
    public synchronized void wrote(long rows) {
        if (jdbc == null || rows == 0) {
            return;
        }
        if (rowsAtAnalysis < 0) {
            rowsAtAnalysis = estimatedRows();
        }
        writtenSinceAnalysis += rows;
        if (writtenSinceAnalysis >= Math.max(LEAST_ROWS, rowsAtAnalysis)) {
            jdbc.execute("ANALYZE " + table);
            rowsAtAnalysis = estimatedRows();
            writtenSinceAnalysis = 0;
        }
    }

    /** The planner's row count (-1 for a table never analyzed, read as empty). */
    private long estimatedRows() {
        Long rows = jdbc.queryForObject(
                "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = CAST(? AS regclass)", Long.class, table);
        return rows == null ? 0 : Math.max(0, rows);
    }
}
