package dev.otabridge.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organizations of a table in key order, found one index step at a time (the smallest org_id
 * after the last), so that walking a large table never reads its rows to list them.
 */
public final class Organizations {

    private final String firstAfter;

    private Organizations(String table) {
        // table is a constant of the caller, never caller input
        this.firstAfter = "SELECT MIN(org_id) FROM " + table + " WHERE org_id > ?";
    }

    public static Organizations of(String table) {
        return new Organizations(table);
    }

    /** The first organization after {@code org} ("" for the first of all); null after the last. */
    public String after(JdbcTemplate jdbc, String org) {
        return jdbc.queryForObject(firstAfter, String.class, org);
    }
}
