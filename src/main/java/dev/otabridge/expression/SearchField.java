package dev.otabridge.expression;

import java.util.Set;

/**
 * One row of an API's field table: the name callers write, its type, the operators it allows and
 * where it lives in the store. Each API lists its rows in an enum, and that enum alone drives
 * validation, SQL and documentation.
 */
public interface SearchField {

    /** The name as callers write it, exact case: productKey. */
    String fieldName();

    ValueType type();

    /** The operators this field allows, in the order error messages list them. */
    Set<Operator> operators();

    /** The SQL column, qualified with the API's table alias. For a localized field, the default name. */
    String column();

    /**
     * For a localized (StringI18n) field, the start of a sub-select over its per-locale texts,
     * correlated with the outer row; it exposes {@code t.locale} and {@code t.content}. Null otherwise.
     */
    default String localizedTexts() {
        return null;
    }

    default boolean localized() {
        return localizedTexts() != null;
    }

    /** One line for the documentation table. */
    String description();
}
