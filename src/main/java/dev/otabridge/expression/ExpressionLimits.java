package dev.otabridge.expression;

/**
 * Bounds that keep one request from costing the server more than a search is worth. They are
 * checked before or while parsing, so an oversized expression never reaches the database.
 */
public record ExpressionLimits(int maxLength, int maxInValues, int maxDepth, int maxComparisons) {

    public static final ExpressionLimits DEFAULT = new ExpressionLimits(16_384, 1_000, 16, 100);

    public ExpressionLimits {
        if (maxLength < 1 || maxInValues < 1 || maxDepth < 1 || maxComparisons < 1) {
            throw new IllegalArgumentException("expression limits must be positive");
        }
    }
}
