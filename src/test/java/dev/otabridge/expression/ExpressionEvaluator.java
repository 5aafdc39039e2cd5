package dev.otabridge.expression;

import dev.otabridge.store.StoredText;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates an expression tree against one row in memory, from the API documents' semantics rather
 * than from the SQL: the differential test holds the compiled SQL against it.
 */
public final class ExpressionEvaluator {

    /** What the evaluator needs to know of a row. */
    public interface Row {
        Object value(SearchField field);

        /** The default name of a localized field, and its non-empty texts by locale. */
        String defaultName(SearchField field);

        Map<String, String> names(SearchField field);
    }

    private ExpressionEvaluator() {}

    public static boolean matches(Expr expr, Row row) {
        if (expr instanceof Expr.And and) {
            return and.terms().stream().allMatch(term -> matches(term, row));
        }
        if (expr instanceof Expr.Or or) {
            return or.terms().stream().anyMatch(term -> matches(term, row));
        }
        Expr.Comparison c = (Expr.Comparison) expr;
        SearchField field = c.field().field();
        return switch (c.op()) {
            case EQ -> Objects.equals(row.value(field), c.value());
            case IN -> row.value(field) != null && c.values().contains(row.value(field));
            case LIKE -> nameMatches(c.field(), (String) c.value(), row);
            default -> throw new IllegalArgumentException(c.op().name());
        };
    }

    private static boolean nameMatches(FieldRef ref, String value, Row row) {
        SearchField field = ref.field();
        String defaultName = row.defaultName(field);
        Map<String, String> names = row.names(field);
        return switch (ref.locale()) {
            case FieldRef.DEFAULT_NAME -> contains(defaultName, value);
            case FieldRef.ALL_NAMES ->
                contains(defaultName, value)
                        || contains(names.get("zh_CN"), value)
                        || contains(names.get("en_US"), value);
            default ->
                names.containsKey(ref.locale())
                        ? contains(names.get(ref.locale()), value)
                        : contains(defaultName, value);
        };
    }

    private static boolean contains(String text, String part) {
        return text != null && StoredText.folded(text).contains(StoredText.folded(part));
    }
}
