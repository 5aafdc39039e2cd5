package dev.otabridge.store;

import java.sql.PreparedStatement;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Statements PostgreSQL plans for the values of each run, never with one generic plan: a generic plan
 * cannot tell a selective name pattern from one every row matches (docs/decisions/0003-search-plans-per-value.md).
 * Other engines run them as they are.
 */
public final class ValuePlannedStatements {

    private ValuePlannedStatements() {}

    public static PreparedStatementCreator of(String sql, List<Object> parameters) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            new ArgumentPreparedStatementSetter(parameters.toArray()).setValues(statement);
            return statement;
        };
    }
}
