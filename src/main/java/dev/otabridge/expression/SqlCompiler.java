package dev.otabridge.expression;

import dev.otabridge.store.Placeholders;
import dev.otabridge.store.StoredText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles a validated expression into a parameterised SQL condition. Only column names from the
 * field tables and fixed keywords are written into the SQL; every value the caller sent becomes a
 * bound parameter.
 */
public final class SqlCompiler {

    private static final String LIKE = " LIKE ? ESCAPE '\\'";

    private SqlCompiler() {}

    public static SqlCondition compile(Expr expr) {
        List<Object> parameters = new ArrayList<>();
        String sql = write(expr, parameters);
        return new SqlCondition(sql, parameters, pinned(expr).collect(Collectors.toSet()));
    }

    /** The columns an expression holds to one value: those of its equalities that every match must meet. */
    private static Stream<String> pinned(Expr expr) {
        if (expr instanceof Expr.And and) {
            return and.terms().stream().flatMap(SqlCompiler::pinned);
        }
        if (expr instanceof Expr.Comparison c
                && (c.op() == Operator.EQ || c.op() == Operator.IN)
                && c.values().size() == 1) {
            return Stream.of(c.field().field().column());
        }
        return Stream.empty();
    }

    /**
     * The pattern that makes LIKE a case-insensitive substring match of {@code value} on the stored,
     * case-folded names: the value is folded by the same rule, and its own {@code %} and {@code _}
     * are escaped, so they match only themselves.
     */
    public static String containsPattern(String value) {
        String escaped = StoredText.folded(value)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String write(Expr expr, List<Object> parameters) {
        if (expr instanceof Expr.And and) {
            return join(and.terms(), " AND ", parameters);
        }
        if (expr instanceof Expr.Or or) {
            return join(or.terms(), " OR ", parameters);
        }
        return comparison((Expr.Comparison) expr, parameters);
    }

    private static String join(List<Expr> terms, String operator, List<Object> parameters) {
        return terms.stream().map(term -> write(term, parameters)).collect(Collectors.joining(operator, "(", ")"));
    }

    private static String comparison(Expr.Comparison c, List<Object> parameters) {
        SearchField field = c.field().field();
        return switch (c.op()) {
            case EQ -> {
                parameters.add(c.value());
                yield field.column() + " = ?";
            }
            case IN -> {
                parameters.addAll(c.values());
                yield field.column() + " IN (" + Placeholders.of(c.values().size()) + ")";
            }
            case LIKE ->
                field.localized()
                        ? localizedLike(c.field(), (String) c.value(), parameters)
                        : foldedLike(field.column(), (String) c.value(), parameters);
            default -> throw new IllegalStateException("the parser let through " + c.op() + " on " + field.fieldName());
        };
    }

    private static String foldedLike(String column, String value, List<Object> parameters) {
        parameters.add(containsPattern(value));
        return column + LIKE;
    }

    private static String localizedLike(FieldRef ref, String value, List<Object> parameters) {
        SearchField field = ref.field();
        String locale = ref.locale();
        if (locale.equals(FieldRef.DEFAULT_NAME)) {
            return foldedLike(field.column(), value, parameters);
        }
        if (locale.equals(FieldRef.ALL_NAMES)) {
            List<String> names = new ArrayList<>();
            names.add(field.column());
            names.addAll(field.localeColumns().values());
            return names.stream()
                    .map(column -> foldedLike(column, value, parameters))
                    .collect(Collectors.joining(" OR ", "(", ")"));
        }
        // the locale's own name where it has one, the default name where it has none
        String localeColumn = field.localeColumns().get(locale);
        if (localeColumn != null) {
            // the row holds this locale's name: no sub-select over the texts
            String localizedName = foldedLike(localeColumn, value, parameters);
            return "(" + localizedName + " OR (" + localeColumn + " IS NULL AND "
                    + foldedLike(field.column(), value, parameters) + "))";
        }
        String texts = texts(field, parameters);
        parameters.add(locale);
        String localizedName = foldedLike("t.content", value, parameters);
        String otherTexts = texts(field, parameters);
        parameters.add(locale);
        String defaultName = foldedLike(field.column(), value, parameters);
        return "(EXISTS (" + texts + " AND t.locale = ? AND " + localizedName + ")" + " OR (NOT EXISTS (" + otherTexts
                + " AND t.locale = ?) AND " + defaultName + "))";
    }

    /** The field's sub-select over its texts, whose one value, the organization, is bound per request. */
    private static String texts(SearchField field, List<Object> parameters) {
        parameters.add(SqlCondition.ORGANIZATION);
        return field.localizedTexts();
    }
}
