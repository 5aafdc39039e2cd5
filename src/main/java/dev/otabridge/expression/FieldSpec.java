package dev.otabridge.expression;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The facts of one searchable field: its name, type, allowed operators, where it lives in the
 * store, and its line in the documentation. {@code localizedTexts} is null and {@code localeColumns}
 * empty except for StringI18n names (see {@link SearchField#localizedTexts()} and
 * {@link SearchField#localeColumns()}).
 */
public record FieldSpec(
        String fieldName,
        ValueType type,
        Set<Operator> operators,
        String column,
        String localizedTexts,
        List<String> localeColumns,
        String description) {

    public FieldSpec {
        // EnumSet keeps the operators in declaration order, the order error messages list them in
        operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
        localeColumns = List.copyOf(localeColumns);
    }

    public static FieldSpec plain(
            String fieldName, ValueType type, Set<Operator> operators, String column, String description) {
        return new FieldSpec(fieldName, type, operators, column, null, List.of(), description);
    }
}
