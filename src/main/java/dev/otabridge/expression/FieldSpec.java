package dev.otabridge.expression;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, String> localeColumns,
        String description) {

    public FieldSpec {
        // EnumSet keeps the operators in declaration order, the order error messages list them in
        operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
        // in the given order, so that the compiled SQL is the same text on every run
        localeColumns = Collections.unmodifiableMap(new LinkedHashMap<>(localeColumns));
    }

    public static FieldSpec plain(
            String fieldName, ValueType type, Set<Operator> operators, String column, String description) {
        return new FieldSpec(fieldName, type, operators, column, null, Map.of(), description);
    }
}
