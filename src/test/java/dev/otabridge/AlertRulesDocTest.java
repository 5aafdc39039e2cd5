package dev.otabridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules and docs/operations.md's metrics table agree: every metric a rule reads is one
 * the table documents, and every row that says when to alert has a rule. (promtool checks and unit
 * tests the rules themselves in .ci/run.)
 */
class AlertRulesDocTest {

    private static final Path RULES = Path.of("deploy", "prometheus", "ota-bridge-rules.yml");
    private static final Pattern METRIC = Pattern.compile("ota_[a-z_]+");
    private static final Pattern ROW =
            Pattern.compile("^\\| (`ota_[^|]*) \\| [^|]* \\| ([^|]*) \\|$", Pattern.MULTILINE);

    /** A rule's series name as the table names it: a histogram's _bucket, _count and _sum are its own. */
    private static String documentedName(String series) {
        return series.replaceAll("_(bucket|count|sum)$", "");
    }

    private static Set<String> metricsInRules() throws Exception {
        Set<String> metrics = new TreeSet<>();
        for (String line : Files.readAllLines(RULES)) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher metric = METRIC.matcher(line);
            while (metric.find()) {
                metrics.add(documentedName(metric.group()));
            }
        }
        return metrics;
    }

    private record Row(Set<String> metrics, String alertWhen) {}

    private static List<Row> table() throws Exception {
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs", "operations.md")));
        while (row.find()) {
            Set<String> metrics = new TreeSet<>();
            Matcher metric = METRIC.matcher(row.group(1));
            while (metric.find()) {
                metrics.add(metric.group());
            }
            rows.add(new Row(metrics, row.group(2).trim()));
        }
        return rows;
    }

    @Test
    void everyMetricARuleReadsIsDocumented() throws Exception {
        Set<String> documented = new TreeSet<>();
        table().forEach(row -> documented.addAll(row.metrics()));
        assertFalse(documented.isEmpty(), "the table was read");
        Set<String> undocumented = new TreeSet<>(metricsInRules());
        undocumented.removeAll(documented);
        assertTrue(undocumented.isEmpty(), "rules read metrics the table does not list: " + undocumented);
    }

    @Test
    void everyRowThatSaysWhenToAlertHasARule() throws Exception {
        Set<String> ruled = metricsInRules();
        for (Row row : table()) {
            if (!row.alertWhen().isEmpty()) {
                assertTrue(
                        row.metrics().stream().anyMatch(ruled::contains),
                        row.metrics() + " says to alert when " + row.alertWhen() + ", and no rule reads it");
            }
        }
    }
}
