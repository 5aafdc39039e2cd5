package dev.otabridge.store;

import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A statement that inserts a row or replaces the one with its key, in the form each engine runs
 * best in a batch: MERGE on HSQLDB; on PostgreSQL INSERT ... ON CONFLICT, which the driver sends as
 * multi-row INSERTs where it sends a batch of MERGEs one by one
 * (docs/decisions/0025-upserts-as-insert-on-conflict-on-postgresql.md). A batch must name each key
 * once: PostgreSQL refuses a multi-row INSERT that updates one row twice.
 */
public enum Upsert {
    MERGE,
    INSERT_ON_CONFLICT;

    /** A column of the row, with the SQL type HSQLDB needs to read its parameter in a VALUES list. */
    public record Column(String name, String type) {}

    public static Upsert of(DataSource dataSource) {
        return StoreSetup.vendor(dataSource).equals("hsqldb") ? MERGE : INSERT_ON_CONFLICT;
    }

    /**
     * The statement writing {@code columns} into {@code table}, one parameter per column in their
     * order; the first {@code keyColumns} of them are the key. Names and types are constants of
     * the caller, never caller input.
     */
    public String sql(String table, int keyColumns, List<Column> columns) {
        List<String> names = columns.stream().map(Column::name).toList();
        List<String> key = names.subList(0, keyColumns);
        List<String> rest = names.subList(keyColumns, names.size());
        String all = String.join(", ", names);
        if (this == INSERT_ON_CONFLICT) {
            return "INSERT INTO " + table + " (" + all + ") VALUES (" + Placeholders.of(names.size()) + ")"
                    + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET "
                    + rest.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        }
        return "MERGE INTO " + table + " t USING (VALUES ("
                + columns.stream().map(c -> "CAST(? AS " + c.type() + ")").collect(Collectors.joining(", "))
                + ")) AS v (" + all + ") ON "
                + key.stream().map(c -> "t." + c + " = v." + c).collect(Collectors.joining(" AND "))
                + " WHEN MATCHED THEN UPDATE SET "
                + rest.stream().map(c -> c + " = v." + c).collect(Collectors.joining(", "))
                + " WHEN NOT MATCHED THEN INSERT (" + all + ") VALUES ("
                + names.stream().map(c -> "v." + c).collect(Collectors.joining(", ")) + ")";
    }
}
