package dev.otabridge.bench;

import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.expression.ExpressionParser;
import dev.otabridge.expression.SqlCondition;
import dev.otabridge.search.CompiledExpressions;
import dev.otabridge.search.SearchTargets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse and compile of the seeds' and the spec's expressions into SQL, with the compile cache (size
 * 1000, the default) and without it (size 0).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpressionBenchmark {

    /** The API (before the first ':') and the expression: the seeds' and the spec's, and longer ones of their kind. */
    @Param({
        "devices:productKey='yourProductKey'",
        "devices:isUpgrading = false AND productKey = 'prod0042'",
        "devices:firmwareVersion = '2.4.0' and productKey in ('prod0001', 'prod0101', 'prod0201')",
        "jobs:name like 'name' and firmwareName like 'firmware1'",
        "jobs:name.zh_CN like '升级' and (status = 'started' or type = 'verify')"
    })
    public String search;

    @Param({"0", "1000"})
    public int cacheSize;

    private CompiledExpressions compiled;
    private String expression;

    @Setup
    public void setUp() {
        int colon = search.indexOf(':');
        expression = search.substring(colon + 1);
        boolean devices = search.startsWith("devices");
        compiled = new CompiledExpressions(
                new ExpressionParser(
                        devices ? SearchTargets.DEVICE_UPGRADE_FIELDS : SearchTargets.OTA_JOB_FIELDS,
                        ExpressionLimits.DEFAULT),
                cacheSize);
    }

    @Benchmark
    public Optional<SqlCondition> parseAndCompile() {
        return compiled.compile(expression);
    }
}
