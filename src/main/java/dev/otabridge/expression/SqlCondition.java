package dev.otabridge.expression;

import java.util.List;
import java.util.Set;

/**
 * A WHERE condition with {@code ?} placeholders and the values bound to them, in order. A compiled
 * expression does not know the organization it will search, yet may need it as a value (see
 * {@link #ORGANIZATION}); {@link #forOrganization} puts it in. {@code pinnedColumns} are the
 * columns the condition holds to one value in every row it matches (equality is exact in both
 * stores: HSQLDB is set to NO PAD, so {@code '1.0 '} is not {@code '1.0'}): naming them in a page's
 * ORDER BY changes no order, yet lets HSQLDB read an index on them in order.
 */
public record SqlCondition(String sql, List<Object> parameters, Set<String> pinnedColumns) {

    /** Stands among a compiled expression's values for the organization of the request it serves. */
    public static final Object ORGANIZATION = new Object() {
        @Override
        public String toString() {
            return "<the request's organization>";
        }
    };

    public SqlCondition {
        parameters = List.copyOf(parameters);
        pinnedColumns = Set.copyOf(pinnedColumns);
    }

    public SqlCondition(String sql, List<Object> parameters) {
        this(sql, parameters, Set.of());
    }

    /** This condition with {@code orgId} for every {@link #ORGANIZATION} among its values. */
    public SqlCondition forOrganization(String orgId) {
        return new SqlCondition(
                sql,
                parameters.stream()
                        .map(value -> value == ORGANIZATION ? orgId : value)
                        .toList(),
                pinnedColumns);
    }
}
