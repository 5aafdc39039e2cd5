package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otabridge.expression.ExpressionException;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.expression.ExpressionParser;
import org.junit.jupiter.api.Test;

class CompiledExpressionsTest {

    private static CompiledExpressions keeping(int capacity) {
        return new CompiledExpressions(
                new ExpressionParser(SearchTargets.DEVICE_UPGRADE_FIELDS, ExpressionLimits.DEFAULT), capacity);
    }

    @Test
    void aRepeatedExpressionIsCompiledOnce() {
        CompiledExpressions expressions = keeping(10);
        assertSame(
                expressions.compile("productKey = 'p'").orElseThrow(),
                expressions.compile("productKey = 'p'").orElseThrow());
        assertTrue(expressions.compile(null).isEmpty());
    }

    @Test
    void theLeastRecentlyUsedGoesFirstAndTheSizeIsBounded() {
        CompiledExpressions expressions = keeping(2);
        var first = expressions.compile("productKey = 'a'").orElseThrow();
        expressions.compile("productKey = 'b'");
        expressions.compile("productKey = 'a'");
        expressions.compile("productKey = 'c'");
        assertEquals(2, expressions.size());
        assertSame(first, expressions.compile("productKey = 'a'").orElseThrow(), "used recently: kept");
    }

    @Test
    void refusedExpressionsAreRefusedEveryTimeAndNotKept() {
        CompiledExpressions expressions = keeping(10);
        assertThrows(ExpressionException.class, () -> expressions.compile("nosuchField = 1"));
        assertThrows(ExpressionException.class, () -> expressions.compile("nosuchField = 1"));
        assertEquals(0, expressions.size());
    }

    @Test
    void sizeZeroKeepsNothing() {
        CompiledExpressions expressions = keeping(0);
        assertNotSame(
                expressions.compile("productKey = 'p'").orElseThrow(),
                expressions.compile("productKey = 'p'").orElseThrow());
    }
}
