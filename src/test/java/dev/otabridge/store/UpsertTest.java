package dev.otabridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both forms of an upsert from one column list; each engine's tests run its own against a store. */
class UpsertTest {

    private static final List<Upsert.Column> ROW = List.of(
            new Upsert.Column("org_id", "VARCHAR(64)"),
            new Upsert.Column("asset_id", "VARCHAR(64)"),
            new Upsert.Column("is_upgrading", "BOOLEAN"));

    @Test
    void onHsqldbAMergeWithTypedValues() {
        assertEquals(
                "MERGE INTO t t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS BOOLEAN)))"
                        + " AS v (org_id, asset_id, is_upgrading) ON t.org_id = v.org_id AND t.asset_id = v.asset_id"
                        + " WHEN MATCHED THEN UPDATE SET is_upgrading = v.is_upgrading"
                        + " WHEN NOT MATCHED THEN INSERT (org_id, asset_id, is_upgrading)"
                        + " VALUES (v.org_id, v.asset_id, v.is_upgrading)",
                Upsert.MERGE.sql("t", 2, ROW));
    }

    @Test
    void onPostgresqlAnInsertThatTheDriverCanSendAsOneMultiRowStatement() {
        assertEquals(
                "INSERT INTO t (org_id, asset_id, is_upgrading) VALUES (?, ?, ?)"
                        + " ON CONFLICT (org_id, asset_id) DO UPDATE SET is_upgrading = EXCLUDED.is_upgrading",
                Upsert.INSERT_ON_CONFLICT.sql("t", 2, ROW));
    }
}
