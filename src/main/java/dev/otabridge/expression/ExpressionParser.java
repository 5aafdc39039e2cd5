package dev.otabridge.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recursive-descent parser for EnOS's SQL-like search expressions, validating against one API's
 * field table as it goes. The grammar (keywords in any letter case):
 *
 * <pre>
 * expression := or END
 * or         := and ( "or" and )*
 * and        := term ( "and" term )*
 * term       := "(" or ")" | comparison
 * comparison := FIELD ( COMPARATOR value
 *                     | ["not"] "in" "(" value ( "," value )* ")"
 *                     | ["not"] "like" value
 *                     | "is" ["not"] "null" )
 * value      := STRING | WORD
 * </pre>
 *
 * Operators a field does not allow, and "not" in front of a term, are recognised and rejected
 * with a message that says so.
 */
public final class ExpressionParser {

    private final FieldTable table;
    private final ExpressionLimits limits;

    public ExpressionParser(FieldTable table, ExpressionLimits limits) {
        this.table = table;
        this.limits = limits;
    }

    /**
     * @return the tree, or empty for a null or blank expression (which means "no filter")
     * @throws ExpressionException for anything that is not a valid expression of this API
     */
    public Optional<Expr> parse(String source) {
        if (source == null || source.isBlank()) {
            return Optional.empty();
        }
        int length = source.codePointCount(0, source.length());
        if (length > limits.maxLength()) {
            throw new ExpressionException(
                    ExpressionException.Kind.LIMIT,
                    limits.maxLength() + 1,
                    "expression is longer than the " + limits.maxLength() + " characters allowed (" + length
                            + "); the excess starts");
        }
        return Optional.of(new Run(table, limits, Lexer.tokenize(source)).expression());
    }

    /** The state of one parse, so that the parser itself stays immutable and shareable. */
    private static final class Run {

        private final FieldTable table;
        private final ExpressionLimits limits;
        private final List<Token> tokens;
        private int position;
        private int comparisons;

        Run(FieldTable table, ExpressionLimits limits, List<Token> tokens) {
            this.table = table;
            this.limits = limits;
            this.tokens = tokens;
        }

        Expr expression() {
            Expr expr = or(0);
            Token next = peek();
            if (!next.is(Token.Kind.END)) {
                throw new ExpressionException(
                        next.column(), "expected 'and', 'or' or the end, found " + next.describe());
            }
            return expr;
        }

        private Expr or(int depth) {
            List<Expr> terms = new ArrayList<>();
            terms.add(and(depth));
            while (peek().isKeyword("or")) {
                position++;
                terms.add(and(depth));
            }
            return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
        }

        private Expr and(int depth) {
            List<Expr> terms = new ArrayList<>();
            terms.add(term(depth));
            while (peek().isKeyword("and")) {
                position++;
                terms.add(term(depth));
            }
            return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
        }

        private Expr term(int depth) {
            Token first = next();
            if (first.is(Token.Kind.LPAREN)) {
                if (depth + 1 > limits.maxDepth()) {
                    throw new ExpressionException(
                            ExpressionException.Kind.LIMIT,
                            first.column(),
                            "parentheses nest deeper than the " + limits.maxDepth() + " levels allowed");
                }
                Expr inner = or(depth + 1);
                expect(Token.Kind.RPAREN, "')' to close the '(' at column " + first.column());
                return inner;
            }
            if (first.isKeyword("not")) {
                throw new ExpressionException(first.column(), "'not' is not supported");
            }
            if (!first.is(Token.Kind.WORD) || isReserved(first)) {
                throw new ExpressionException(
                        first.column(), "expected a field name or '(', found " + first.describe());
            }
            if (++comparisons > limits.maxComparisons()) {
                throw new ExpressionException(
                        ExpressionException.Kind.LIMIT,
                        first.column(),
                        "more than the " + limits.maxComparisons() + " comparisons allowed");
            }
            return comparison(table.resolve(first.text(), first.column()));
        }

        private Expr comparison(FieldRef field) {
            Token opToken = peek();
            Operator op = operator(field);
            if (!field.field().operators().contains(op)) {
                throw ExpressionException.operatorNotAllowed(
                        opToken.column(),
                        op,
                        field.field().operators().stream()
                                .map(Operator::text)
                                .toList()
                                .toString());
            }
            List<Object> values = new ArrayList<>();
            switch (op.arity()) {
                case ONE -> values.add(value(field));
                case LIST -> {
                    Token open = expect(Token.Kind.LPAREN, "'(' to start the list of " + op.text());
                    do {
                        if (values.size() == limits.maxInValues()) {
                            throw new ExpressionException(
                                    ExpressionException.Kind.LIMIT,
                                    peek().column(),
                                    "more than the " + limits.maxInValues() + " values allowed in one in-list");
                        }
                        values.add(value(field));
                    } while (accept(Token.Kind.COMMA));
                    expect(Token.Kind.RPAREN, "',' or ')' to close the list opened at column " + open.column());
                }
                case NONE -> {}
            }
            return new Expr.Comparison(field, op, values);
        }

        private Operator operator(FieldRef field) {
            Token token = next();
            if (token.is(Token.Kind.COMPARATOR)) {
                return switch (token.text()) {
                    case "=" -> Operator.EQ;
                    case "!=", "<>" -> Operator.NE;
                    case "<" -> Operator.LT;
                    case ">" -> Operator.GT;
                    case "<=" -> Operator.LE;
                    default -> Operator.GE;
                };
            }
            if (token.isKeyword("in")) {
                return Operator.IN;
            }
            if (token.isKeyword("like")) {
                return Operator.LIKE;
            }
            if (token.isKeyword("not")) {
                Token negated = next();
                if (negated.isKeyword("in")) {
                    return Operator.NOT_IN;
                }
                if (negated.isKeyword("like")) {
                    return Operator.NOT_LIKE;
                }
                throw new ExpressionException(
                        negated.column(), "expected 'in' or 'like' after 'not', found " + negated.describe());
            }
            if (token.isKeyword("is")) {
                boolean not = peek().isKeyword("not");
                if (not) {
                    position++;
                }
                Token nullWord = next();
                if (!nullWord.isKeyword("null")) {
                    throw new ExpressionException(nullWord.column(), "expected 'null', found " + nullWord.describe());
                }
                return not ? Operator.IS_NOT_NULL : Operator.IS_NULL;
            }
            throw new ExpressionException(
                    token.column(),
                    "expected an operator after " + field.displayName() + " (allowed: "
                            + field.field().operators().stream()
                                    .map(Operator::text)
                                    .toList() + "), found " + token.describe());
        }

        private Object value(FieldRef field) {
            Token literal = next();
            if (!literal.is(Token.Kind.STRING) && !literal.is(Token.Kind.WORD)) {
                throw new ExpressionException(
                        literal.column(),
                        "expected a value for " + field.displayName() + ", found " + literal.describe());
            }
            return field.field().type().convert(field.displayName(), literal);
        }

        private static boolean isReserved(Token token) {
            for (String keyword : new String[] {"and", "or", "in", "like", "is", "null"}) {
                if (token.isKeyword(keyword)) {
                    return true;
                }
            }
            return false;
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token next() {
            Token token = tokens.get(position);
            if (!token.is(Token.Kind.END)) {
                position++;
            }
            return token;
        }

        private boolean accept(Token.Kind kind) {
            if (peek().is(kind)) {
                position++;
                return true;
            }
            return false;
        }

        private Token expect(Token.Kind kind, String what) {
            Token token = next();
            if (!token.is(kind)) {
                throw new ExpressionException(token.column(), "expected " + what + ", found " + token.describe());
            }
            return token;
        }
    }
}
