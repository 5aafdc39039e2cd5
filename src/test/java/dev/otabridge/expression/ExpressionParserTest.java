package dev.otabridge.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otabridge.search.DeviceUpgradeField;
import dev.otabridge.search.OtaJobField;
import dev.otabridge.search.SearchTargets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionParserTest {

    private final ExpressionParser devices =
            new ExpressionParser(SearchTargets.DEVICE_UPGRADE_FIELDS, ExpressionLimits.DEFAULT);
    private final ExpressionParser jobs = new ExpressionParser(SearchTargets.OTA_JOB_FIELDS, ExpressionLimits.DEFAULT);

    private static Expr.Comparison comparison(ExpressionParser parser, String source) {
        return assertInstanceOf(Expr.Comparison.class, parser.parse(source).orElseThrow());
    }

    private static ExpressionException rejected(ExpressionParser parser, String source) {
        return assertThrows(ExpressionException.class, () -> parser.parse(source));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankMeansNoFilter(String source) {
        assertTrue(devices.parse(source).isEmpty());
        assertTrue(devices.parse(null).isEmpty());
    }

    // --- every row of Search Device Upgrade's table -------------------------------------------

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "productKey='a'           | PRODUCT_KEY      | EQ | a",
                "productKey = \"a b\"     | PRODUCT_KEY      | EQ | a b",
                "productKey in ('a')      | PRODUCT_KEY      | IN | a",
                "firmwareVersion='1.0'    | FIRMWARE_VERSION | EQ | 1.0",
                "firmwareVersion IN ('1') | FIRMWARE_VERSION | IN | 1",
            })
    void deviceStringFields(String source, DeviceUpgradeField field, Operator op, String value) {
        Expr.Comparison c = comparison(devices, source);
        assertEquals(field, c.field().field());
        assertEquals(op, c.op());
        assertEquals(List.of(value), c.values());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "isUpgrading = false   | false",
                "isUpgrading=TRUE      | true",
                "isUpgrading = 'true'  | true",
                "isUpgrading = \"False\" | false",
                "isUpgrading = tRuE    | true",
            })
    void isUpgradingTakesBooleansBareOrQuotedInAnyCase(String source, boolean value) {
        assertEquals(List.of(value), comparison(devices, source).values());
    }

    @Test
    void isUpgradingRejectsOtherValues() {
        ExpressionException e = rejected(devices, "isUpgrading = 'yes'");
        assertEquals("isUpgrading expects true or false, found string 'yes' at column 15", e.getMessage());
        assertEquals(15, e.column());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "isUpgrading in ('true')     | in",
                "productKey like 'a'         | like",
                "firmwareVersion != '1'      | !=",
                "firmwareVersion <> '1'      | !=",
                "productKey < 'a'            | <",
                "productKey >= 'a'           | >=",
                "productKey is null          | is null",
                "productKey is not null      | is not null",
                "productKey not in ('a')     | not in",
                "productKey NOT LIKE 'a'     | not like",
            })
    void deviceOperatorsOutsideTheTableAreRefusedInEnosWords(String source, String op) {
        ExpressionException e = rejected(devices, source);
        assertTrue(e.isOperatorNotAllowed());
        String allowed = source.startsWith("isUpgrading") ? "[=]" : "[=, in]";
        assertEquals("Do not allow operator op " + op + ", allowed op " + allowed, e.getMessage());
    }

    // --- every row of Search OTA Job's table --------------------------------------------------

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "productKey = 'p'          | PRODUCT_KEY",
                "productKey in ('p', \"q\") | PRODUCT_KEY",
                "firmwareId = 'f'          | FIRMWARE_ID",
                "firmwareId in ('f')       | FIRMWARE_ID",
                "firmwareVersion = 'v'     | FIRMWARE_VERSION",
                "firmwareVersion in ('v')  | FIRMWARE_VERSION",
                "type = 'upgrade'          | TYPE",
                "status = 'started'        | STATUS",
            })
    void jobExactFields(String source, OtaJobField field) {
        assertEquals(field, comparison(jobs, source).field().field());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "type in ('upgrade')     | in     | [=]",
                "status != 'started'     | !=     | [=]",
                "name = 'x'              | =      | [like]",
                "firmwareName in ('x')   | in     | [like]",
                "name.zh_CN = 'x'        | =      | [like]",
                "firmwareId like 'x'     | like   | [=, in]",
            })
    void jobOperatorsOutsideTheTableAreRefusedInEnosWords(String source, String op, String allowed) {
        ExpressionException e = rejected(jobs, source);
        assertEquals("Do not allow operator op " + op + ", allowed op " + allowed, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name like 'x'                  | NAME          | *",
                "name.defaultValue like 'x'     | NAME          | defaultValue",
                "name.default like 'x'          | NAME          | defaultValue",
                "name.zh_CN like 'x'            | NAME          | zh_CN",
                "name.en_US LIKE 'x'            | NAME          | en_US",
                "name.ja_JP like 'x'            | NAME          | ja_JP",
                "firmwareName like 'x'          | FIRMWARE_NAME | *",
                "firmwareName.defaultValue like 'x' | FIRMWARE_NAME | defaultValue",
                "firmwareName.zh_CN like 'x'    | FIRMWARE_NAME | zh_CN",
            })
    void localizedNamesResolveTheirLocale(String source, OtaJobField field, String locale) {
        Expr.Comparison c = comparison(jobs, source);
        assertEquals(field, c.field().field());
        assertEquals(locale, c.field().locale());
        assertEquals(Operator.LIKE, c.op());
    }

    @Test
    void aLocaleMustLookLikeOne() {
        assertEquals(
                "'zh-CN' in 'name.zh-CN' is not a locale; use name.defaultValue or name.<locale> such as name.zh_CN "
                        + "at column 1",
                rejected(jobs, "name.zh-CN like 'a'").getMessage());
    }

    @Test
    void onlyLocalizedFieldsTakeASelector() {
        assertEquals(
                "unknown field 'productKey.zh_CN'; allowed fields: productKey, firmwareId, firmwareVersion, type, "
                        + "status, "
                        + "name, name.defaultValue, name.<locale>, firmwareName, firmwareName.defaultValue, "
                        + "firmwareName.<locale> at column 1",
                rejected(jobs, "productKey.zh_CN = 'a'").getMessage());
    }

    // --- syntax -------------------------------------------------------------------------------

    @Test
    void andBindsTighterThanOr() {
        Expr expr = jobs.parse("type = 'upgrade' or status = 'started' and productKey = 'p'")
                .orElseThrow();
        Expr.Or or = assertInstanceOf(Expr.Or.class, expr);
        assertInstanceOf(Expr.Comparison.class, or.terms().get(0));
        assertEquals(
                2, assertInstanceOf(Expr.And.class, or.terms().get(1)).terms().size());
    }

    @Test
    void parenthesesGroup() {
        Expr expr = jobs.parse("(type = 'upgrade' OR status = 'started') AnD productKey = 'p'")
                .orElseThrow();
        Expr.And and = assertInstanceOf(Expr.And.class, expr);
        assertInstanceOf(Expr.Or.class, and.terms().get(0));
    }

    @Test
    void quotesHaveNoEscapeAndBackslashIsOrdinary() {
        assertEquals(
                List.of("it's"), comparison(devices, "productKey = \"it's\"").values());
        assertEquals(
                List.of("say \"hi\""),
                comparison(devices, "productKey = 'say \"hi\"'").values());
        assertEquals(List.of("a\\"), comparison(devices, "productKey = 'a\\'").values());
        assertEquals(
                List.of("x' OR '1'='1"),
                comparison(devices, "productKey = \"x' OR '1'='1\"").values());
    }

    @Test
    void inListsKeepEveryValue() {
        assertEquals(
                List.of("a", "b", "c"),
                comparison(devices, "productKey in ('a',\"b\" , 'c')").values());
    }

    @Test
    void fieldNamesAreExact() {
        ExpressionException e = rejected(devices, "productkey = 'a'");
        assertEquals(
                "unknown field 'productkey'; allowed fields: productKey, firmwareVersion, isUpgrading at column 1",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "productKey = 'a                  | 14 | unterminated string starting with '",
                "productKey = 'a' and             | 21 | expected a field name or '(', found end of expression",
                "productKey = 'a' productKey='b'  | 18 | expected 'and', 'or' or the end, found 'productKey'",
                "(productKey = 'a'                | 18 | expected ')' to close the '(' at column 1, found end of "
                        + "expression",
                "productKey = 'a')                | 17 | expected 'and', 'or' or the end, found ')'",
                "productKey in ()                 | 16 | expected a value for productKey, found ')'",
                "productKey in ('a' 'b')          | 20 | expected ',' or ')' to close the list opened at column 15, "
                        + "found string 'b'",
                "productKey in 'a'                | 15 | expected '(' to start the list of in, found string 'a'",
                "productKey 'a'                   | 12 | expected an operator after productKey (allowed: [=, in]), "
                        + "found string 'a'",
                "productKey = a                   | 14 | productKey expects a quoted string, found 'a'",
                "productKey = 'a'; drop table x   | 17 | unexpected character ';'",
                "productKey = 'a' -- comment      | 18 | expected 'and', 'or' or the end, found '--'",
                "not productKey = 'a'             | 1  | 'not' is not supported",
                "and productKey = 'a'             | 1  | expected a field name or '(', found 'and'",
                "productKey not = 'a'             | 16 | expected 'in' or 'like' after 'not', found '='",
                "productKey is 'a'                | 15 | expected 'null', found string 'a'",
                "productKey = 'a' && 'b'          | 18 | unexpected character '&'",
                "productKey ! 'a'                 | 12 | unexpected character '!'",
                "productKey == 'a'                | 12 | unknown operator '=='; the comparison operators are = != <> "
                        + "< > <= >=",
                "productKey === 'a'               | 12 | unknown operator '==='; the comparison operators are = != "
                        + "<> < > <= >=",
                "productKey =< 'a'                | 12 | unknown operator '=<'; the comparison operators are = != <> "
                        + "< > <= >=",
                "productKey => 'a'                | 12 | unknown operator '=>'; the comparison operators are = != <> "
                        + "< > <= >=",
                "productKey = 'a' or productKey=!'b' | 31 | unknown operator '=!'; the comparison operators are = != "
                        + "<> < > <= >=",
            })
    void syntaxErrorsNameTheTokenAndItsColumn(String source, int column, String detail) {
        ExpressionException e = rejected(devices, source);
        assertEquals(detail + " at column " + column, e.getMessage());
        assertFalse(e.isOperatorNotAllowed());
    }

    @Test
    void controlCharactersAreShownEscaped() {
        assertEquals(
                "unexpected character '\\u0000' at column 18",
                rejected(devices, "productKey = 'a' \u0000").getMessage());
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        assertEquals(
                "unexpected character ';' at column 19",
                rejected(devices, "productKey = '😀😀😀';").getMessage());
        assertEquals(
                "unknown field 'firmware'; allowed fields: productKey, firmwareVersion, isUpgrading at column 23",
                rejected(devices, "productKey = '𝔘𝔫𝔦' or firmware = 'x'").getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "productKey = 'a\u0000b'        | \\u0000 | 16 | 14",
                "productKey in ('x', 'a\tb')    | \\u0009 | 23 | 21",
                "productKey = '😀\u007f'        | \\u007f | 16 | 14",
                "firmwareVersion = \"\u0085\"    | \\u0085 | 20 | 19",
            })
    void controlCharactersInsideStringsNameTheStringAndTheCharacter(String source, String shown, int at, int column) {
        ExpressionException e = rejected(devices, source);
        assertEquals(ExpressionException.Kind.VALUE, e.kind());
        assertTrue(
                e.getMessage()
                        .contains(" holds " + shown + " at column " + at
                                + ": no stored value holds control characters or lone surrogates;"
                                + " the string starts at column " + column),
                e.getMessage());
    }

    @Test
    void aLoneSurrogateInsideAStringIsRefused() {
        ExpressionException e = rejected(devices, "productKey = 'a\ud800'");
        assertTrue(e.getMessage().startsWith("string 'a\\ud800' holds \\ud800 at column 16"), e.getMessage());
        assertTrue(
                devices.parse("productKey = 'a😀'").isPresent(),
                "a whole surrogate pair is a character like any other");
    }

    @Test
    void longLiteralsAreShortenedInMessages() {
        String value = "v".repeat(200);
        String message = rejected(devices, "isUpgrading = '" + value + "'").getMessage();
        assertTrue(message.contains("'" + "v".repeat(40) + "...'"), message);
        assertTrue(message.length() < 120, message);
    }

    // --- limits -------------------------------------------------------------------------------

    @Test
    void limitsAreEnforcedWithClearMessages() {
        ExpressionParser tight =
                new ExpressionParser(SearchTargets.DEVICE_UPGRADE_FIELDS, new ExpressionLimits(40, 2, 2, 2));
        assertEquals(
                "expression is longer than the 40 characters allowed (41); the excess starts at column 41",
                rejected(tight, "productKey = '" + "x".repeat(26) + "'").getMessage());
        assertEquals(
                "more than the 2 values allowed in one in-list at column 24",
                rejected(tight, "productKey in ('a','b','c')").getMessage());
        assertEquals(
                "parentheses nest deeper than the 2 levels allowed at column 3",
                rejected(tight, "(((productKey='a')))").getMessage());
        ExpressionException tooMany = rejected(
                new ExpressionParser(SearchTargets.DEVICE_UPGRADE_FIELDS, new ExpressionLimits(100, 2, 2, 2)),
                "productKey='a' or productKey='b' or productKey='c'");
        assertEquals("more than the 2 comparisons allowed at column 37", tooMany.getMessage());
        assertTrue(tight.parse("((productKey='a'))").isPresent());
    }
}
