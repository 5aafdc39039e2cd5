package dev.otabridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The benchmark results as Markdown tables, with each of issue #6's targets next to what was measured. */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The stores a run measures, as its rows name them. */
    private static final String[] STORES = {"HSQLDB", "POSTGRESQL"};

    private BenchReport() {}

    /**
     * Issue #17's ratios that follow from the figures of a run, under the plain keys a script checks:
     * restart to first answer with the fleet, HSQLDB ÷ PostgreSQL; search throughput per page size,
     * the bundle ÷ the baseline server (medians of the closed rounds); p99 at half load on page 50, the
     * bundle ÷ the baseline server, per store, and beside it the server's CPU per search in the closed
     * rounds of page 50, bundle ÷ baseline; the embedded store's idle RSS, for a fleet of 1,000,000.
     */
    static Map<String, Object> derivedRatios(Map<String, Object> results) {
        JsonNode r = JSON.valueToTree(results);
        Map<String, Object> ratios = new java.util.LinkedHashMap<>();
        if (r.has("startSeconds.HSQLDB") && r.has("startSeconds.POSTGRESQL")) {
            ratios.put(
                    "restart_vs_postgresql",
                    r.path("startSeconds.HSQLDB").asDouble()
                            / r.path("startSeconds.POSTGRESQL").asDouble());
        }
        perStore(ratios, "p99_vs_baseline", (store, server) -> halfLoadP99(r, store, server));
        Map<String, Map<String, Double>> throughput = new java.util.LinkedHashMap<>();
        for (String store : STORES) {
            Map<String, Double> perPage = new java.util.LinkedHashMap<>();
            for (int pageSize : FleetBenchmarkTest.PAGE_SIZES) {
                double baseline = closed(r, store, "baseline", pageSize);
                if (baseline > 0) {
                    perPage.put("page" + pageSize, closed(r, store, "bundle", pageSize) / baseline);
                }
            }
            if (!perPage.isEmpty()) {
                throughput.put(store, perPage);
            }
        }
        if (!throughput.isEmpty()) {
            ratios.put("search_throughput_vs_baseline", throughput);
        }
        perStore(ratios, "cpu_per_search_vs_baseline", (store, server) -> closedCpu(r, store, server));
        if (r.path("fleet").path("devices").asInt() == 1_000_000 && r.has("idleRssKiB.bundle.HSQLDB")) {
            ratios.put("idle_rss_mib_1m_devices", r.path("idleRssKiB.bundle.HSQLDB").asDouble() / 1024);
        }
        return ratios;
    }

    /**
     * Under {@code key}, per store, a figure of the bundle ÷ the same figure of the baseline server, for the
     * stores where the run measured both (a figure of 0 is one not measured).
     */
    private static void perStore(
            Map<String, Object> ratios, String key, java.util.function.ToDoubleBiFunction<String, String> figure) {
        Map<String, Double> perStore = new java.util.LinkedHashMap<>();
        for (String store : STORES) {
            double bundle = figure.applyAsDouble(store, "bundle");
            double baseline = figure.applyAsDouble(store, "baseline");
            if (bundle > 0 && baseline > 0) {
                perStore.put(store, bundle / baseline);
            }
        }
        if (!perStore.isEmpty()) {
            ratios.put(key, perStore);
        }
    }

    /** A server's p99 in its open-loop run at half its highest throughput on page 50, or 0 without one. */
    private static double halfLoadP99(JsonNode r, String store, String server) {
        return halfLoadRun(r, store, server).path("p99Millis").asDouble();
    }

    /** A server's open-loop run at half its highest throughput on page 50, or a missing node without one. */
    private static JsonNode halfLoadRun(JsonNode r, String store, String server) {
        for (JsonNode row : r.path("search")) {
            if (row.path("store").asText().equals(store)
                    && row.path("server").asText().equals(server)
                    && isHalfLoad(r, row)) {
                return row;
            }
        }
        return MissingNode.getInstance();
    }

    static String markdown(Map<String, Object> results) {
        JsonNode r = JSON.valueToTree(results);
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        JsonNode machine = r.path("machine");
        md.append("Measured ")
                .append(machine.path("date").asText())
                .append(" at commit `")
                .append(machine.path("commit").asText())
                .append(machine.path("uncommittedChanges").asBoolean() ? " (with uncommitted changes)" : "")
                .append("` on ")
                .append(machine.path("cpus").asInt())
                .append(" × ")
                .append(machine.path("cpuModel").asText())
                .append(", ")
                .append(machine.path("memoryKiB").asLong() / 1024)
                .append(" MiB, ")
                .append(machine.path("java").asText())
                .append(", PostgreSQL ")
                .append(machine.path("postgresql").asText())
                .append(". Fleet: ")
                .append(r.path("fleet").path("devices").asInt())
                .append(" devices, ")
                .append(r.path("fleet").path("jobs").asInt())
                .append(" jobs, seed ")
                .append(r.path("fleet").path("seed").asLong())
                .append(".\n\n");

        md.append("## Expression parse and compile (JMH, ns per operation)\n\n| search | no cache | cache "
                + "|\n|---|---|---|\n");
        JsonNode expressions = r.path("expressions");
        for (JsonNode row : expressions) {
            if (row.path("cacheSize").asInt() == 0) {
                for (JsonNode cached : expressions) {
                    if (cached.path("cacheSize").asInt() > 0
                            && cached.path("search")
                                    .asText()
                                    .equals(row.path("search").asText())) {
                        md.append(String.format(
                                "| `%s` | %.0f ± %.0f | %.0f ± %.0f |%n",
                                row.path("search").asText(),
                                row.path("nanosPerOperation").asDouble(),
                                row.path("error").asDouble(),
                                cached.path("nanosPerOperation").asDouble(),
                                cached.path("error").asDouble()));
                    }
                }
            }
        }

        md.append("\n## Search over HTTP\n\n| store | server | mode | round | page size | offered (req/s) | "
                        + "throughput (req/s) | p50 (ms) | p99 (ms) | requests | failed | server CPU a request (ms) "
                        + "| machine busy |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode row : r.path("search")) {
            md.append(String.format(
                    "| %s | %s | %s | %d | %d | %s | %.0f | %.2f | %.2f | %d | %d | %s | %s |%n",
                    row.path("store").asText(),
                    row.path("server").asText(),
                    row.path("mode").asText(),
                    row.path("round").asInt(1),
                    row.path("pageSize").asInt(),
                    row.path("targetRate").asDouble() == 0
                            ? "as fast as answered"
                            : String.format("%.0f", row.path("targetRate").asDouble()),
                    row.path("throughput").asDouble(),
                    row.path("p50Millis").asDouble(),
                    row.path("p99Millis").asDouble(),
                    row.path("requests").asLong(),
                    row.path("failures").asLong(),
                    measuredOr(row.path("serverCpuMillisPerRequest"), "%.2f", 1),
                    measuredOr(row.path("machineBusy"), "%.0f%%", 100)));
        }

        md.append("\n## Latency per kind of search, open loop at half the maximum throughput, page 50\n\n")
                .append("| store | server | search | requests | p50 (ms) | p99 (ms) | max (ms) "
                        + "|\n|---|---|---|---|---|---|---|\n");
        for (JsonNode row : r.path("search")) {
            if (isHalfLoad(r, row)) {
                row.path("byKind")
                        .fields()
                        .forEachRemaining(kind -> md.append(String.format(
                                "| %s | %s | %s | %d | %.2f | %.2f | %.2f |%n",
                                row.path("store").asText(),
                                row.path("server").asText(),
                                kind.getKey(),
                                kind.getValue().path("requests").asLong(),
                                kind.getValue().path("p50").asDouble(),
                                kind.getValue().path("p99").asDouble(),
                                kind.getValue().path("max").asDouble())));
            }
        }

        md.append("\n## Targets\n\n| target | store | measured | met |\n|---|---|---|---|\n");
        for (String store : STORES) {
            for (int pageSize : FleetBenchmarkTest.PAGE_SIZES) {
                double bundle = closed(r, store, "bundle", pageSize);
                double baseline = closed(r, store, "baseline", pageSize);
                if (baseline > 0) {
                    target(
                            md,
                            "throughput ≥ 85% of the baseline's, page " + pageSize + " (medians of the rounds)",
                            store,
                            String.format(
                                    "%.0f%% (%.0f vs %.0f req/s; rounds %s vs %s)",
                                    100 * bundle / baseline,
                                    bundle,
                                    baseline,
                                    rounds(r, store, "bundle", pageSize),
                                    rounds(r, store, "baseline", pageSize)),
                            bundle >= 0.85 * baseline);
                }
            }
            JsonNode halfLoad = halfLoadRun(r, store, "bundle");
            if (!halfLoad.isMissingNode()) {
                double ratio = r.path("p99_vs_baseline").path(store).asDouble();
                target(
                        md,
                        "p99 ≤ 25 ms and ≤ 2 × the baseline's at half the maximum throughput, page 50",
                        store,
                        String.format(
                                        "%.1f ms at %.0f req/s, %.2f × the baseline's %.1f ms",
                                        halfLoad.path("p99Millis").asDouble(),
                                        halfLoad.path("throughput").asDouble(),
                                        ratio,
                                        halfLoadP99(r, store, "baseline"))
                                + machineBeside(r, store, halfLoad),
                        halfLoad.path("p99Millis").asDouble() <= 25 && ratio <= 2);
            }
            double cost10 = 1 / Math.max(1e-9, closed(r, store, "bundle", 10));
            double cost200 = 1 / Math.max(1e-9, closed(r, store, "bundle", 200));
            target(
                    md,
                    "a page of 200 costs ≤ 2 × a page of 10 (1 / throughput)",
                    store,
                    String.format("%.2f ×", cost200 / cost10),
                    cost200 <= 2 * cost10);
            JsonNode tick = r.path("tickWithoutChange").path(store);
            if (!tick.isMissingNode()) {
                target(
                        md,
                        "detector tick without change ≤ 10 ms",
                        store,
                        String.format(
                                "p50 %.2f ms, p99 %.2f ms",
                                tick.path("p50Millis").asDouble(),
                                tick.path("p99Millis").asDouble()),
                        tick.path("p99Millis").asDouble() <= 10);
            }
            burst(md, store, r.path("burst").path(store), "with broker confirms", "publisher");
            burst(md, store, r.path("burstKafka").path(store), "to Kafka (acks=all, idempotent)", "producer");
        }
        if (r.has("startSeconds.default")) {
            JsonNode minimal = r.path("startSeconds.minimalCamelMain");
            target(
                    md,
                    "first answer on a new data folder ≤ 1.5 × a minimal camel-main app's (embedded default)",
                    "HSQLDB",
                    String.format(
                            "%.2f × (medians of %d starts side by side: the artifact with its class-data archive"
                                    + " %.2f s, the minimal app %.2f s; the artifact without the archive: %.2f s)",
                            r.path("start_vs_minimal_camel_main").asDouble(),
                            minimal.size(),
                            r.path("startSeconds.default").asDouble(),
                            r.path("startSeconds.default").asDouble()
                                    / r.path("start_vs_minimal_camel_main").asDouble(),
                            r.path("startSeconds.defaultWithoutArchive").asDouble()),
                    r.path("start_vs_minimal_camel_main").asDouble() <= 1.5);
            target(
                    md,
                    "idle resident memory ≤ 250 MB (embedded default)",
                    "HSQLDB",
                    String.format("%.0f MiB", r.path("idleRssKiB.default").asDouble() / 1024),
                    r.path("idleRssKiB.default").asDouble() * 1024 <= 250_000_000);
        }
        if (r.has("restart_vs_postgresql")) {
            target(
                    md,
                    "restart to first answer with the fleet ≤ 1.5 × PostgreSQL's",
                    "HSQLDB",
                    String.format(
                            "%.2f × (%.2f s against %.2f s)",
                            r.path("restart_vs_postgresql").asDouble(),
                            r.path("startSeconds.HSQLDB").asDouble(),
                            r.path("startSeconds.POSTGRESQL").asDouble()),
                    r.path("restart_vs_postgresql").asDouble() <= 1.5);
        }
        if (r.has("idle_rss_mib_1m_devices")) {
            double mib = r.path("idle_rss_mib_1m_devices").asDouble();
            target(
                    md,
                    "idle resident memory with 1,000,000 devices ≤ 400 MB (embedded store)",
                    "HSQLDB",
                    String.format("%.0f MiB", mib),
                    mib * 1048576 <= 400_000_000);
        }
        JsonNode soak = r.path("soak");
        if (!soak.isMissingNode()) {
            double growth = soak.path("heapAfterGcBytesAtEnd").asDouble()
                    - soak.path("heapAfterGcBytesAtOneMinute").asDouble();
            target(
                    md,
                    "no heap growth over a " + soak.path("minutes").asInt() + "-minute load",
                    "POSTGRESQL",
                    String.format(
                            "%.1f MiB after GC at 1 min, %.1f MiB at the end (%d requests)",
                            soak.path("heapAfterGcBytesAtOneMinute").asDouble() / 1048576,
                            soak.path("heapAfterGcBytesAtEnd").asDouble() / 1048576,
                            soak.path("requests").asLong()),
                    growth <= 0.1 * soak.path("heapAfterGcBytesAtOneMinute").asDouble());
        }

        if (r.has("c1Only.search_vs_default")) {
            md.append("\n## C1-only compilation (-XX:TieredStopAtLevel=1)\n\n")
                    .append("| figure | C1 only ÷ default compilers, side by side |\n|---|---|\n")
                    .append(String.format(
                            "| start to first answer on a new data folder, embedded default (medians) | %.2f × |%n",
                            r.path("c1Only.start_vs_default").asDouble()))
                    .append(String.format(
                            "| closed-loop search throughput, page 50, HSQLDB (medians of rounds %s and %s)"
                                    + " | %.2f × |%n",
                            r.path("c1Only.searchPerSecondRounds").path("c1Only"),
                            r.path("c1Only.searchPerSecondRounds").path("default"),
                            r.path("c1Only.search_vs_default").asDouble()));
            if (r.has("c1Only.burst_vs_default")) {
                md.append(String.format(
                        "| warm burst to RabbitMQ ÷ raw publisher, PostgreSQL | %.2f × |%n",
                        r.path("c1Only.burst_vs_default").asDouble()));
            }
        }

        md.append("\n## Other figures\n\n| figure | value |\n|---|---|\n");
        r.fields().forEachRemaining(e -> {
            // the minimal app's two starts are in the start's target row
            if (e.getKey().startsWith("startSeconds.") && e.getValue().isNumber()) {
                md.append(String.format(
                        "| start to first answered search, %s | %.2f s |%n",
                        e.getKey().substring(13), e.getValue().asDouble()));
            } else if (e.getKey().contains("RssKiB.")) {
                md.append(String.format(
                        "| resident memory, %s | %.0f MiB |%n",
                        e.getKey().replace("RssKiB.", ", "), e.getValue().asDouble() / 1024));
            }
        });
        r.path("generationSeconds")
                .fields()
                .forEachRemaining(e -> md.append(String.format(
                        "| generating the fleet, %s | %.0f s |%n",
                        e.getKey(), e.getValue().asDouble())));
        return md.toString();
    }

    /** An open-loop run at half of its server's highest throughput on page 50. */
    private static boolean isHalfLoad(JsonNode r, JsonNode row) {
        return row.path("mode").asText().equals("open")
                && Math.abs(row.path("targetRate").asDouble()
                                - 0.5
                                        * closed(
                                                r,
                                                row.path("store").asText(),
                                                row.path("server").asText(),
                                                50))
                        < 1;
    }

    /** The median throughput of a server's closed-loop rounds on a page size. */
    private static double closed(JsonNode r, String store, String server, int pageSize) {
        return median(closedRuns(r, store, server, pageSize, "throughput"));
    }

    /** The server's CPU per request in its closed rounds, median; 0 for a run that did not measure it. */
    private static double closedCpu(JsonNode r, String store, String server) {
        return median(closedRuns(r, store, server, 50, "serverCpuMillisPerRequest"));
    }

    private static String rounds(JsonNode r, String store, String server, int pageSize) {
        return closedRuns(r, store, server, pageSize, "throughput").stream()
                .map(t -> String.format("%.0f", t))
                .toList()
                .toString();
    }

    private static List<Double> closedRuns(JsonNode r, String store, String server, int pageSize, String field) {
        List<Double> runs = new ArrayList<>();
        for (JsonNode row : r.path("search")) {
            if (row.path("store").asText().equals(store)
                    && row.path("server").asText().equals(server)
                    && row.path("mode").asText().equals("closed")
                    && row.path("pageSize").asInt() == pageSize) {
                runs.add(row.path(field).asDouble());
            }
        }
        return runs;
    }

    /** The middle value, or the mean of the two middle ones; 0 for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** A burst's row: end to end against the raw client of its broker, measured before and after it. */
    private static void burst(StringBuilder md, String store, JsonNode burst, String how, String rawClient) {
        if (burst.isMissingNode()) {
            return;
        }
        JsonNode raw = burst.path("rawPublisherPerSecond");
        target(
                md,
                "a warm burst end to end " + how + " ≥ 70% of a raw " + rawClient + "'s rate",
                store,
                String.format(
                        "%.0f%%: %.0f/s (%d from the first detection to the last acknowledgement in %.1f s;"
                                + " detection took %.1f s; the relay alone, after it: %.0f/s) against the"
                                + " raw %s's %.0f/s and %.0f/s before and after; the cold burst"
                                + " after start: %.0f/s",
                        100 * burst.path("relayVsRawPublisher").asDouble(),
                        burst.path("endToEndPerSecond").asDouble(),
                        burst.path("transitions").asInt(),
                        burst.path("acknowledgedSeconds").asDouble(),
                        burst.path("detectedSeconds").asDouble(),
                        burst.path("relayPerSecondAfterDetection").asDouble(),
                        rawClient,
                        raw.path(0).asDouble(),
                        raw.path(1).asDouble(),
                        burst.path("cold").path("endToEndPerSecond").asDouble()),
                burst.path("relayVsRawPublisher").asDouble() >= 0.7);
    }

    /** A figure of a row, formatted after scaling, or "n/a" in a run that did not measure it. */
    private static String measuredOr(JsonNode figure, String format, double scale) {
        return figure.isMissingNode() ? "n/a" : String.format(format, scale * figure.asDouble());
    }

    /** How busy the machine was in the bundle's and the baseline's half-load steps, and the CPU per search. */
    private static String machineBeside(JsonNode r, String store, JsonNode halfLoad) {
        JsonNode baseline = halfLoadRun(r, store, "baseline");
        if (halfLoad.path("machineBusy").isMissingNode() || baseline.path("machineBusy").isMissingNode()) {
            return "";
        }
        return String.format(
                "; machine %.0f%% busy against %.0f%%, CPU per search %.2f × the baseline's",
                100 * halfLoad.path("machineBusy").asDouble(),
                100 * baseline.path("machineBusy").asDouble(),
                r.path("cpu_per_search_vs_baseline").path(store).asDouble());
    }

    private static void target(StringBuilder md, String target, String store, String measured, boolean met) {
        md.append("| ")
                .append(target)
                .append(" | ")
                .append(store)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }
}
