package dev.otabridge.expression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated expression's syntax tree as maps and lists, as the explain action answers it:
 * {@code {"and": [...]}}, {@code {"or": [...]}}, or {@code {"field", "operator", "values"}}.
 */
public final class ParseTree {

    private ParseTree() {}

    public static Object of(Expr expr) {
        if (expr instanceof Expr.And and) {
            return Map.of("and", terms(and.terms()));
        }
        if (expr instanceof Expr.Or or) {
            return Map.of("or", terms(or.terms()));
        }
        Expr.Comparison comparison = (Expr.Comparison) expr;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("field", comparison.field().displayName());
        node.put("operator", comparison.op().text());
        node.put("values", comparison.values());
        return node;
    }

    private static List<Object> terms(List<Expr> terms) {
        return terms.stream().map(ParseTree::of).toList();
    }
}
