package dev.otabridge.expression;

import java.util.Map;
import java.util.Set;

/**
 * One row of an API's field table. Each API lists its rows in an enum, and that enum alone drives
 * validation, SQL and documentation; the row's facts are its {@link FieldSpec}.
 */
public interface SearchField {

    FieldSpec spec();

    /** The name as callers write it, exact case: productKey. */
    default String fieldName() {
        return spec().fieldName();
    }

    default ValueType type() {
        return spec().type();
    }

    /** The operators this field allows, in the order error messages list them. */
    default Set<Operator> operators() {
        return spec().operators();
    }

    /** The SQL column, qualified with the API's table alias. For a localized field, the default name. */
    default String column() {
        return spec().column();
    }

    /**
     * For a localized (StringI18n) field, the start of a sub-select over its per-locale texts,
     * correlated with the outer row; it exposes {@code t.locale} and {@code t.content} and takes one
     * value, the organization ({@link SqlCondition#ORGANIZATION}). Null otherwise.
     */
    default String localizedTexts() {
        return spec().localizedTexts();
    }

    /**
     * For a localized field, the columns of the row holding its names in the locales a plain search
     * ({@code name like 'x'}) matches besides the default name, by locale, qualified like
     * {@link #column()}; a column is null where the row has no name in its locale.
     */
    default Map<String, String> localeColumns() {
        return spec().localeColumns();
    }

    default boolean localized() {
        return localizedTexts() != null;
    }

    /** One line for the documentation table. */
    default String description() {
        return spec().description();
    }
}
