package dev.otabridge.layerfixture.search;

import org.postgresql.PGStatement;

/** A core class that knows a database driver: what LayersTest must refuse. */
public class DriverBoundSearch {

    public boolean isPostgres(Object statement) {
        return statement instanceof PGStatement;
    }
}
