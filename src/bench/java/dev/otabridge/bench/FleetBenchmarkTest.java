package dev.otabridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.MovableClock;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.http.ChildBundle;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.search.Explanation;
import dev.otabridge.search.SearchRequest;
import dev.otabridge.search.SearchTargets;
import dev.otabridge.search.SqlSearch;
import dev.otabridge.services.KafkaBroker;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.sync.EventOrigin;
import dev.otabridge.sync.EventSchema;
import dev.otabridge.sync.TransitionDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The benchmark suite of issue #6, run by {@code mvn -B -Pbench verify}: expression parse and
 * compile (JMH); search over HTTP, the bundle against the baseline server, on HSQLDB and on
 * PostgreSQL with the generated fleet; the detector's tick without change and a burst of
 * transitions to RabbitMQ and to Kafka; start-up, memory and a soak; what C1-only compilation
 * costs. Results go to bench/ (JSON, a summary in Markdown, the query plans, a chart).
 * Settings: -Dota.bench.devices, -Dota.bench.jobs, -Dota.bench.soak-minutes, -Dota.bench.seconds
 * (each measured load step).
 */
@FleetBench
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetBenchmarkTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG_SCHEMA = "ota_bench";
    private static final int POOL = 10;
    private static final int WORKERS = 8;
    /** The page sizes of the closed rounds, which the report reads its throughput ratios for. */
    static final int[] PAGE_SIZES = {10, 50, 200};
    private static final double[] LOAD_FRACTIONS = {0.25, 0.5, 0.75, 0.9};
    private static final int CLOSED_ROUNDS = 3;
    private static final int BURST = 100_000;
    /** The pause between tries of a start's first answer: a part of the figure it times. */
    private static final long ANSWER_POLL_MILLIS = 100;
    /** Starts of the minimal camel-main app and of the bundle, side by side: the ratio takes their medians. */
    private static final int START_ROUNDS = 5;
    /** The raw publisher's streaming window: unconfirmed messages at most. */
    private static final int RAW_WINDOW = 1_000;
    /** Compiling with C1 alone (the client compiler), the JVM option measured against the default. */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /** Devices per load request of the warm burst: about 1.6 MB of JSON, under the body limit. */
    private static final int LOAD_CHUNK = 10_000;
    /** An event as the relay publishes it, for the raw publisher's messages to be of its size. */
    private static final String SAMPLE_EVENT = "{\"specversion\":\"1.0\",\"id\":\"5b0c3e0e-8a3f-3c61-9d7e-0f0d2b8c4a11\","
            + "\"source\":\"urn:ota-bridge:ota-bridge\",\"type\":\"UPGRADE_FINISHED\",\"subject\":\"o0000042/a0001234\","
            + "\"time\":\"2026-11-22T03:41:12.345Z\",\"datacontenttype\":\"application/json\","
            + "\"dataschema\":\"http://127.0.0.1:8080/schemas/device-upgrade-event-1.json\",\"data\":{\"orgId\":"
            + "\"o0000042\",\"assetId\":\"a0001234\",\"productKey\":\"p0000421\",\"deviceKey\":\"d0001234\","
            + "\"previousIsUpgrading\":true,\"isUpgrading\":false,\"firmwareVersionBefore\":\"1.4.0\","
            + "\"firmwareVersionAfter\":\"1.5.0\",\"upgradingSince\":\"2026-11-22T03:20:02.001Z\","
            + "\"detectedAt\":\"2026-11-22T03:41:12.345Z\",\"sequence\":2,\"reconciled\":false,\"deviceRemoved\":false}}";

    private final FleetGenerator.Fleet fleet = new FleetGenerator.Fleet(
            Integer.getInteger("ota.bench.devices", 1_000_000),
            100,
            1_000,
            Integer.getInteger("ota.bench.jobs", 100_000),
            20261122L);
    private final Duration step = Duration.ofSeconds(Integer.getInteger("ota.bench.seconds", 10));
    private final int soakMinutes = Integer.getInteger("ota.bench.soak-minutes", 10);
    private final Path out = Path.of(System.getProperty("ota.bench.dir", "bench"));
    private final Path work = Path.of("target", "bench-work").toAbsolutePath();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<Map<String, Object>> searchRuns = new ArrayList<>();
    private final Map<String, List<double[]>> curves = new LinkedHashMap<>();
    private final StringBuilder plans = new StringBuilder();

    /** The two stores: the bundle's embedded default and PostgreSQL, each with its JDBC settings. */
    private enum Store {
        HSQLDB,
        POSTGRESQL
    }

    @BeforeAll
    void prepare() throws Exception {
        Files.createDirectories(out);
        Files.createDirectories(work);
        results.put("machine", machine());
        results.put("fleet", fleet);
    }

    @AfterAll
    void write() throws Exception {
        results.put("search", searchRuns);
        results.putAll(BenchReport.derivedRatios(results));
        Files.writeString(out.resolve("results.json"), JSON.writeValueAsString(results));
        Files.writeString(out.resolve("plans.txt"), plans.toString());
        Files.writeString(out.resolve("results.md"), BenchReport.markdown(results));
        if (!curves.isEmpty()) {
            LatencyChart.write(
                    out.resolve("latency-throughput.png"),
                    "Search over HTTP, page size 50, " + fleet.devices() + " devices: latency against throughput",
                    curves);
        }
    }

    private Map<String, Object> machine() throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("commit", run("git", "rev-parse", "HEAD").trim());
        machine.put(
                "uncommittedChanges",
                !run("git", "status", "--porcelain", "--untracked-files=no").isBlank());
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put(
                "cpuModel",
                Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("model name"))
                        .findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .orElse("unknown"));
        machine.put(
                "memoryKiB", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", ""));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection pg = DriverManager.getConnection(PG_SERVER, "postgres", "")) {
            machine.put("postgresql", pg.getMetaData().getDatabaseProductVersion());
        }
        return machine;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    // ---------------------------------------------------------------------------------- expressions

    @Test
    @Order(1)
    void expressionParseAndCompile() throws Exception {
        java.util.Collection<RunResult> runs = new Runner(new OptionsBuilder()
                        .include(ExpressionBenchmark.class.getName())
                        .forks(1)
                        .warmupIterations(3)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5)
                        .measurementTime(TimeValue.seconds(1))
                        .build())
                .run();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult result : runs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("search", result.getParams().getParam("search"));
            row.put("cacheSize", Integer.parseInt(result.getParams().getParam("cacheSize")));
            row.put("nanosPerOperation", result.getPrimaryResult().getScore());
            row.put("error", result.getPrimaryResult().getScoreError());
            rows.add(row);
        }
        assertEquals(10, rows.size());
        results.put("expressions", rows);
    }

    // ---------------------------------------------------------------------------------- stores

    private String hsqldbUrl() {
        return "jdbc:hsqldb:file:" + work.resolve("hsqldb/store/ota")
                + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;shutdown=true";
    }

    private String url(Store store) {
        return store == Store.HSQLDB ? hsqldbUrl() : PG_SERVER + "?currentSchema=" + PG_SCHEMA;
    }

    private String user(Store store) {
        return store == Store.HSQLDB ? "SA" : "postgres";
    }

    private HikariDataSource open(Store store) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url(store));
        dataSource.setUsername(user(store));
        dataSource.setMaximumPoolSize(POOL);
        return dataSource;
    }

    @Test
    @Order(2)
    void generateTheFleetInBothStores() throws Exception {
        Map<String, Object> seconds = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            if (store == Store.HSQLDB) {
                deleteTree(work.resolve("hsqldb"));
            } else {
                try (Connection pg = DriverManager.getConnection(PG_SERVER, "postgres", "")) {
                    pg.createStatement().execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
                    pg.createStatement().execute("CREATE SCHEMA " + PG_SCHEMA);
                }
            }
            long start = System.nanoTime();
            try (HikariDataSource dataSource = open(store)) {
                StoreSetup.migrate(dataSource);
                new FleetGenerator().generate(dataSource, fleet);
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                if (store == Store.POSTGRESQL) {
                    // what autovacuum does on a default server after a load: statistics, and the visibility
                    // map that lets a count read the index alone
                    jdbc.execute("VACUUM ANALYZE");
                }
                assertEquals(fleet.devices(), jdbc.queryForObject("SELECT COUNT(*) FROM device_firmware", Long.class));
                assertEquals(fleet.jobs(), jdbc.queryForObject("SELECT COUNT(*) FROM ota_job", Long.class));
                recordPlans(store, dataSource);
            }
            seconds.put(store.name(), (System.nanoTime() - start) / 1e9);
        }
        results.put("generationSeconds", seconds);
    }

    private void recordPlans(Store store, HikariDataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        OtaMetrics metrics = new OtaMetrics(new SimpleMeterRegistry());
        SqlSearch<?> devices =
                new SqlSearch<>(jdbc, SearchTargets.deviceUpgrades(), ExpressionLimits.DEFAULT, 0, metrics);
        SqlSearch<?> jobs =
                new SqlSearch<>(jdbc, SearchTargets.otaJobs(new ObjectMapper()), ExpressionLimits.DEFAULT, 0, metrics);
        String org = fleet.orgId(0);
        Map<SqlSearch<?>, List<String>> expressions = new LinkedHashMap<>();
        expressions.put(
                devices,
                Arrays.asList(null, "productKey = 'prod0100'", "isUpgrading = true", "firmwareVersion = '2.4.0'"));
        expressions.put(
                jobs,
                Arrays.asList(
                        null,
                        "name.default like 'prod0100'",
                        "name like 'prod0100'",
                        "name.zh_CN like 'prod0100'",
                        "firmwareName like '2.4'"));
        for (Map.Entry<SqlSearch<?>, List<String>> entry : expressions.entrySet()) {
            for (String expression : entry.getValue()) {
                plans.append("== ")
                        .append(store)
                        .append(", ")
                        .append(entry.getKey() == devices ? "searchDeviceUpgrade" : "searchOtaJob")
                        .append(", orgId ")
                        .append(org)
                        .append(", expression ")
                        .append(expression)
                        .append('\n')
                        .append(plans(entry.getKey().explain(new SearchRequest(org, expression, 1, 50))))
                        .append("\n\n");
            }
        }
    }

    private static String plans(Explanation explained) {
        return "count:\n    " + String.join("\n    ", explained.count().plan()) + "\npage:\n    "
                + String.join("\n    ", explained.page().plan());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------------------------- search over HTTP

    /** The seeds' and the spec's searches over the fleet, a random organization and product each time. */
    private Function<Random, LoadGenerator.Request> searches(int pageSize) {
        int productsPerOrg = fleet.products() / fleet.organizations();
        return random -> {
            int org = random.nextInt(fleet.organizations());
            String product = fleet.productKey(org + fleet.organizations() * random.nextInt(productsPerOrg));
            String other = fleet.productKey(org + fleet.organizations() * random.nextInt(productsPerOrg));
            int pageNo = random.nextInt(5) == 0 ? 2 + random.nextInt(4) : 1;
            String pagination = "\"pagination\":{\"pageNo\":" + pageNo + ",\"pageSize\":" + pageSize + "}";
            String devices = "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=" + fleet.orgId(org);
            String jobs = "/connect-service/v2.1/ota-jobs?action=search&orgId=" + fleet.orgId(org);
            String version = FleetGenerator.version(org, random.nextInt(5));
            return switch (random.nextInt(9)) {
                case 0 ->
                    new LoadGenerator.Request(
                            "devices: productKey",
                            devices,
                            "{\"expression\":\"productKey='" + product + "'\"," + pagination + "}");
                case 1 ->
                    new LoadGenerator.Request(
                            "devices: isUpgrading = false AND productKey",
                            devices,
                            "{\"expression\":\"isUpgrading = false AND productKey = '" + product + "'\"," + pagination
                                    + "}");
                case 2 ->
                    new LoadGenerator.Request(
                            "devices: isUpgrading = true",
                            devices,
                            "{\"expression\":\"isUpgrading = true\"," + pagination + "}");
                case 3 ->
                    new LoadGenerator.Request(
                            "devices: firmwareVersion and productKey in",
                            devices,
                            "{\"expression\":\"firmwareVersion = '" + version + "' and productKey in ('" + product
                                    + "', '" + other + "')\"," + pagination + "}");
                case 4 -> new LoadGenerator.Request("devices: no expression", devices, "{" + pagination + "}");
                case 5 ->
                    new LoadGenerator.Request(
                            "jobs: name like and firmwareName like",
                            jobs,
                            "{\"expression\":\"name like '" + product + "' and firmwareName like 'firmware'\","
                                    + pagination + "}");
                case 6 ->
                    new LoadGenerator.Request(
                            "jobs: productKey",
                            jobs,
                            "{\"expression\":\"productKey = '" + product + "'\"," + pagination + "}");
                case 7 ->
                    new LoadGenerator.Request(
                            "jobs: name.zh_CN like and status",
                            jobs,
                            "{\"expression\":\"name.zh_CN like '升级 " + product + "' and status = 'started'\","
                                    + pagination + "}");
                default ->
                    new LoadGenerator.Request(
                            "jobs: firmwareName like",
                            jobs,
                            "{\"expression\":\"firmwareName like '" + version + "'\"," + pagination + "}");
            };
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, String> bundleEnvironment(Store store) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OTA_DEMO_DATA", "");
        env.put("OTA_DB_URL", url(store));
        env.put("OTA_DB_USER", user(store));
        // the fleet's upgrades began up to an hour before it was generated: an hour later the stall
        // check would start reporting them, adding events to the burst's count
        env.put(
                "OTA_SYNC_STALL_AFTER_MINUTES",
                String.valueOf(Duration.ofDays(3650).toMinutes()));
        return env;
    }

    /** A server under test in a JVM of its own: the bundle, or the baseline. */
    private record Server(String name, URI base, URI management, long pid, AutoCloseable stop) {}

    private Server startBundle(Store store, Map<String, String> more) throws Exception {
        Map<String, String> env = bundleEnvironment(store);
        env.putAll(more);
        long start = System.nanoTime();
        ChildBundle bundle = ChildBundle.start(work.resolve("hsqldb"), work.resolve("bundle-" + store + ".log"), env);
        Server server = new Server("bundle", bundle.uri("/"), bundle.management("/"), bundle.pid(), bundle);
        firstAnswer(server);
        // the first start of each store is its figure; later ones (the burst's) start with work waiting
        results.putIfAbsent("startSeconds." + store, (System.nanoTime() - start) / 1e9);
        return server;
    }

    private Server startBaseline(Store store) throws Exception {
        int port = freePort();
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs on every call
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dsun.net.httpserver.nodelay=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BaselineServer.class.getName(),
                        String.valueOf(port),
                        url(store),
                        user(store),
                        "",
                        String.valueOf(POOL))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("baseline-" + store + ".log").toFile()))
                .start();
        URI baseline = URI.create("http://127.0.0.1:" + port + "/");
        Server server = new Server("baseline", baseline, baseline, process.pid(), () -> {
            process.destroy();
            process.waitFor();
        });
        firstAnswer(server);
        return server;
    }

    /** Waits for the first answered search: what "started" means to a client. */
    private void firstAnswer(Server server) throws Exception {
        awaitAnswer(
                HttpRequest.newBuilder(server.base()
                                .resolve("/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId="
                                        + fleet.orgId(1)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                answer -> answer.statusCode() == 200 && answer.body().startsWith("{\"code\":0,"),
                300,
                server.name() + " did not answer a search");
    }

    /**
     * Sends {@code request} until an answer is {@code answered}, a short pause between tries: the
     * bundle's and the minimal app's starts are asked for alike.
     */
    private static void awaitAnswer(
            HttpRequest request, Predicate<HttpResponse<String>> answered, int seconds, String failure)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (answered.test(http.send(request, HttpResponse.BodyHandlers.ofString()))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(ANSWER_POLL_MILLIS);
        }
        throw new IllegalStateException(failure + " within " + seconds + " s");
    }

    private static long rssKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", "")))
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private void record(
            Store store,
            Server server,
            String mode,
            int round,
            int pageSize,
            double targetRate,
            LoadGenerator.Result result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("store", store.name());
        row.put("server", server.name());
        row.put("mode", mode);
        row.put("round", round);
        row.put("pageSize", pageSize);
        row.put("targetRate", targetRate);
        row.put("throughput", result.throughput());
        row.put("p50Millis", result.p50());
        row.put("p99Millis", result.p99());
        row.put("requests", result.requests());
        row.put("failures", result.failures());
        row.put("byKind", result.byKind());
        row.put("serverCpuMillisPerRequest", result.serverCpuMillisPerRequest());
        row.put("machineBusy", result.cpu().machineBusy());
        searchRuns.add(row);
        System.out.printf(
                "BENCH %s %s %s %d page %d rate %.0f: %.0f/s p50 %.2f ms p99 %.2f ms (%d requests, %d failed;"
                        + " server CPU %.2f ms a request, machine %.0f%% busy)%n",
                store,
                server.name(),
                mode,
                round,
                pageSize,
                targetRate,
                result.throughput(),
                result.p50(),
                result.p99(),
                result.requests(),
                result.failures(),
                result.serverCpuMillisPerRequest(),
                100 * result.cpu().machineBusy());
    }

    /**
     * Closed loop per page size, {@value #CLOSED_ROUNDS} rounds of the three, then open loop on page
     * size 50 at fractions of its median maximum. One closed step of a few seconds on two shared
     * cores varied by half between runs; the median of rounds, with their spread in the report, does not
     * hang on one step.
     */
    private long measure(Store store, Server server) throws Exception {
        long peakRss = 0;
        new LoadGenerator(server.base(), server.pid(), searches(50))
                .closedLoop("warm-up", WORKERS, Duration.ZERO, step.multipliedBy(2));
        List<Double> max50 = new ArrayList<>();
        for (int round = 1; round <= CLOSED_ROUNDS; round++) {
            for (int pageSize : PAGE_SIZES) {
                LoadGenerator load = new LoadGenerator(server.base(), server.pid(), searches(pageSize));
                RssSampler rss = new RssSampler(server.pid());
                LoadGenerator.Result result = load.closedLoop("closed", WORKERS, Duration.ofSeconds(2), step);
                peakRss = Math.max(peakRss, rss.stop());
                record(store, server, "closed", round, pageSize, 0, result);
                assertTrue(result.failures() == 0, result.failures() + " failed requests");
                if (pageSize == 50) {
                    max50.add(result.throughput());
                }
            }
        }
        double median50 = BenchReport.median(max50);
        List<double[]> curve = new ArrayList<>();
        for (double fraction : LOAD_FRACTIONS) {
            LoadGenerator.Result result = new LoadGenerator(server.base(), server.pid(), searches(50))
                    .openLoop("open", median50 * fraction, Duration.ofSeconds(3), step);
            record(store, server, "open", 1, 50, median50 * fraction, result);
            curve.add(new double[] {result.throughput(), result.p50(), result.p99()});
        }
        curves.put(server.name() + " on " + store.name().toLowerCase(), curve);
        return peakRss;
    }

    /** Samples a process's resident memory every 200 ms until stopped; answers the highest, in KiB. */
    private static final class RssSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        RssSampler(long pid) {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, rssKiB(pid));
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

    @Test
    @Order(3)
    void searchOverHttpAgainstTheBaseline() throws Exception {
        for (Store store : Store.values()) {
            Server bundle = startBundle(store, Map.of());
            try {
                Thread.sleep(10_000);
                results.put("idleRssKiB.bundle." + store, rssKiB(bundle.pid()));
                results.put("loadRssKiB.bundle." + store, measure(store, bundle));
            } finally {
                bundle.stop().close();
            }
            Server baseline = startBaseline(store);
            try {
                measure(store, baseline);
            } finally {
                baseline.stop().close();
            }
        }
    }

    // ---------------------------------------------------------------------------------- sync

    @Test
    @Order(4)
    void detectorTickWithoutChange() throws Exception {
        Map<String, Object> ticks = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            try (HikariDataSource dataSource = open(store)) {
                TransitionDetector detector = new TransitionDetector(
                        new DataSourceTransactionManager(dataSource),
                        new ObjectMapper(),
                        new MovableClock(),
                        new EventOrigin("urn:bench", EventSchema.URN),
                        1000,
                        Duration.ofMinutes(120),
                        new OtaMetrics(new SimpleMeterRegistry()));
                for (int i = 0; i < 20; i++) {
                    detector.tick();
                }
                long[] nanos = new long[200];
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    detector.tick();
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                ticks.put(
                        store.name(),
                        Map.of(
                                "p50Millis",
                                nanos[99] / 1e6,
                                "p99Millis",
                                nanos[197] / 1e6,
                                "maxMillis",
                                nanos[199] / 1e6));
                assertEquals(
                        0L,
                        new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM sync_outbox", Long.class),
                        "a fleet without change makes no event");
            }
        }
        results.put("tickWithoutChange", ticks);
    }

    @Test
    @Order(5)
    void burstOfTransitionsToRabbitMq() throws Exception {
        Map<String, Object> bursts = new LinkedHashMap<>();
        for (Store store : Store.values()) {
            bursts.put(store.name(), burstToRabbitMq(store, Map.of()));
        }
        results.put("burst", bursts);
        results.put("relay_vs_raw_publisher", ratios(bursts));
    }

    /**
     * The same bursts to Kafka, reported beside RabbitMQ's: a broker of its own in a JVM of its own
     * (KRaft, one node), the bundle's producer against a raw one with its settings.
     */
    @Test
    @Order(5)
    void burstOfTransitionsToKafka() throws Exception {
        Map<String, Object> bursts = new LinkedHashMap<>();
        Path logs = Files.createTempDirectory(work, "kafka-");
        try (KafkaBroker kafka = KafkaBroker.start(logs)) {
            for (Store store : Store.values()) {
                String topic = "ota-bench-" + store.name().toLowerCase();
                Map<String, String> relay = Map.of(
                        "OTA_SYNC_RELAY_ENABLED", "true",
                        "OTA_SYNC_TARGETS", "kafka:" + topic,
                        "OTA_KAFKA_BROKERS", kafka.bootstrap());
                bursts.put(
                        store.name(),
                        burst(store, relay, (records, value) ->
                                RawKafkaProducer.perSecond(kafka.bootstrap(), topic + "-raw", records, value)));
            }
        } finally {
            deleteTree(logs);
        }
        results.put("burstKafka", bursts);
        results.put("kafka_relay_vs_raw_producer", ratios(bursts));
    }

    /** A burst to a durable queue of its own with publisher confirms, the bundle's JVM given {@code jvm}. */
    private Map<String, Object> burstToRabbitMq(Store store, Map<String, String> jvm) throws Exception {
        String exchange = "ota.bench." + store.name().toLowerCase() + "." + System.currentTimeMillis();
        Map<String, String> relay = new LinkedHashMap<>(jvm);
        relay.put("OTA_SYNC_RELAY_ENABLED", "true");
        relay.put(
                "OTA_SYNC_TARGETS",
                "spring-rabbitmq:" + exchange
                        + "?queues=" + exchange
                        + "&routingKey=upgrade&autoDeclareProducer=true&arg.queue.durable=true&confirm=enabled"
                        + "&connectionFactory=#rabbitConnectionFactory");
        try {
            return burst(store, relay, (messages, body) -> RawPublisher.perSecond(messages, body, RAW_WINDOW));
        } finally {
            run("rabbitmqctl", "delete_queue", exchange);
        }
    }

    /** Each store's ratio of its burst to the raw client's pace. */
    private static Map<String, Object> ratios(Map<String, Object> bursts) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        bursts.forEach((store, burst) -> ratios.put(store, ((Map<?, ?>) burst).get("relayVsRawPublisher")));
        return ratios;
    }

    /** The broker's own pace for as many messages of an event's size: a raw client's, the relay's limit. */
    @FunctionalInterface
    private interface RawClient {
        double perSecond(int messages, byte[] body) throws Exception;
    }

    /**
     * {@value #BURST} devices flip at once, twice. The cold burst: one transaction through the
     * bundle's own write path, made while the bundle is down, so that the change log holds every flip
     * when it starts; the JIT compiles the detector and the relay while it runs. The warm burst: the
     * same devices flipped back through the load API of the running bundle, the measured figure.
     * Each runs from its first event's detection to its last broker acknowledgement, both read from
     * the outbox's own timestamps. The broker's own pace, a raw client's of as many messages, is
     * measured before and after, on the same machine in the same run.
     */
    private Map<String, Object> burst(Store store, Map<String, String> relay, RawClient rawClient) throws Exception {
        long lastBefore;
        long deliveredBefore;
        List<DeviceFirmware> flipped;
        double written;
        try (HikariDataSource dataSource = open(store)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            flipped = jdbc.query(
                    "SELECT org_id, asset_id, product_key, device_key, firmware_version,"
                            + " is_upgrading FROM device_firmware ORDER BY org_id, asset_id FETCH FIRST " + BURST
                            + " ROWS ONLY",
                    (rs, i) -> new DeviceFirmware(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            !rs.getBoolean(6)));
            lastBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM sync_outbox", Long.class);
            deliveredBefore =
                    jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE status = 'DELIVERED'", Long.class);
            long start = System.nanoTime();
            new OtaStore(new DataSourceTransactionManager(dataSource), new ObjectMapper())
                    .upsert(new Records(flipped, List.of()));
            written = (System.nanoTime() - start) / 1e9;
        }
        int transitions = flipped.size();
        byte[] event = SAMPLE_EVENT.getBytes(StandardCharsets.UTF_8);
        double rawBefore = rawClient.perSecond(transitions, event);
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        Server bundle = startBundle(store, relay);
        double loaded;
        try {
            awaitDelivered(http, bundle, deliveredBefore + transitions, start);
            long load = System.nanoTime();
            for (int from = 0; from < transitions; from += LOAD_CHUNK) {
                List<Map<String, Object>> devices = new ArrayList<>();
                for (DeviceFirmware d : flipped.subList(from, Math.min(transitions, from + LOAD_CHUNK))) {
                    Map<String, Object> device = new LinkedHashMap<>();
                    device.put("orgId", d.orgId());
                    device.put("assetId", d.assetId());
                    device.put("productKey", d.productKey());
                    device.put("deviceKey", d.deviceKey());
                    device.put("firmwareVersion", d.firmwareVersion());
                    device.put("isUpgrading", !d.isUpgrading());
                    devices.add(device);
                }
                String answer = http.send(
                                HttpRequest.newBuilder(bundle.base().resolve("/ota-store/v1/records"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                JSON.writeValueAsString(Map.of("devices", devices))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertTrue(answer.contains("\"code\":0"), answer);
            }
            loaded = (System.nanoTime() - load) / 1e9;
            awaitDelivered(http, bundle, deliveredBefore + 2L * transitions, start);
        } finally {
            bundle.stop().close();
        }
        double rawAfter = rawClient.perSecond(transitions, event);
        try (HikariDataSource dataSource = open(store)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Map<String, Object> cold = span(jdbc, lastBefore, lastBefore + transitions, transitions);
            Map<String, Object> burst = span(jdbc, lastBefore + transitions, Long.MAX_VALUE, transitions);
            double raw = (rawBefore + rawAfter) / 2;
            burst.put("writtenSecondsCold", written);
            burst.put("loadedSecondsWarm", loaded);
            burst.put("cold", cold);
            burst.put("rawPublisherPerSecond", List.of(rawBefore, rawAfter));
            burst.put("relayVsRawPublisher", (Double) burst.get("endToEndPerSecond") / raw);
            System.out.println("BENCH burst " + store + " " + burst);
            return burst;
        }
    }

    /** Until the outbox counts {@code delivered} events delivered; asked every 5 s, for the counts cost. */
    private static void awaitDelivered(HttpClient http, Server bundle, long delivered, long start) throws Exception {
        while (true) {
            Map<String, Number> counts = outbox(http, bundle);
            if (counts.get("DELIVERED").longValue() >= delivered) {
                return;
            }
            assertTrue(
                    (System.nanoTime() - start) / 1e9 < 1800,
                    "the bursts were not delivered within 30 minutes: " + counts);
            // the counts read the whole outbox: asked every 2 s they took 19% of the bundle's CPU samples
            // in a burst (JFR); the figures come from the outbox's timestamps, not from when this loop ends
            Thread.sleep(5_000);
        }
    }

    /** The events of ids in (after, upTo]: one per flipped device, each acknowledged, and their pace. */
    private static Map<String, Object> span(JdbcTemplate jdbc, long after, long upTo, int transitions) {
        Map<String, Object> span = jdbc.queryForMap(
                "SELECT COUNT(*) AS events, MIN(created_at) AS first_detected,"
                        + " MAX(created_at) AS last_detected, MAX(delivered_at) AS last_acknowledged,"
                        + " SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered FROM "
                        + "sync_outbox WHERE id > ? AND id <= ?",
                after,
                upTo);
        assertEquals(transitions, ((Number) span.get("events")).intValue(), "one event per flipped device");
        assertEquals(transitions, ((Number) span.get("delivered")).intValue(), "every event acknowledged");
        long first = ((Number) span.get("first_detected")).longValue();
        long lastDetected = ((Number) span.get("last_detected")).longValue();
        long lastAcknowledged = ((Number) span.get("last_acknowledged")).longValue();
        double detected = (lastDetected - first) / 1e3;
        double acknowledged = (lastAcknowledged - first) / 1e3;
        // the relay's own pace, once the detector no longer shares the store with it
        long relayedAfter = jdbc.queryForObject(
                "SELECT COUNT(*) FROM sync_outbox WHERE id > ? AND id <= ? AND delivered_at > ?",
                Long.class,
                after,
                upTo,
                lastDetected);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("transitions", transitions);
        figures.put("detectedSeconds", detected);
        figures.put("acknowledgedSeconds", acknowledged);
        figures.put("endToEndPerSecond", transitions / acknowledged);
        figures.put("relayedAfterDetection", relayedAfter);
        figures.put(
                "relayPerSecondAfterDetection",
                relayedAfter / Math.max(1e-3, (lastAcknowledged - lastDetected) / 1e3));
        return figures;
    }

    private static Map<String, Number> outbox(HttpClient http, Server bundle) throws Exception {
        JsonNode data = JSON.readTree(http.send(
                                HttpRequest.newBuilder(bundle.base().resolve("/ota-sync/v1/outbox"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("data");
        Map<String, Number> counts = new LinkedHashMap<>();
        data.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().longValue()));
        return counts;
    }

    // ---------------------------------------------------------------------------------- footprint

    @Test
    @Order(6)
    void startUp() throws Exception {
        Path jar = Path.of(System.getProperty("ota.artifact"));
        assertTrue(
                Files.isRegularFile(jar.resolveSibling("ota-bridge.jsa")),
                "no class-data archive beside " + jar + ": mvn -Pbench verify packages it");
        String archive = "-XX:SharedArchiveFile=ota-bridge.jsa";
        // the embedded default, as docs/operations.md starts the artifact: demo data, HSQLDB file store
        Path folder = work.resolve("fresh");
        deleteTree(folder);
        ArtifactStart withoutArchive = artifactStart(jar, folder, true);
        results.put("startSeconds.defaultWithoutArchive", withoutArchive.seconds());
        results.put("idleRssKiB.defaultWithoutArchive", withoutArchive.idleRssKiB());
        // rounds of the baseline, a minimal camel-main application, and the bundle side by side
        List<Double> minimal = new ArrayList<>();
        List<Double> fresh = new ArrayList<>();
        List<Double> freshC1 = new ArrayList<>();
        long idleRssKiB = 0;
        for (int round = 0; round < START_ROUNDS; round++) {
            minimal.add(minimalCamelMainStart());
            deleteTree(folder);
            ArtifactStart start = artifactStart(jar, folder, round == START_ROUNDS - 1, archive);
            fresh.add(start.seconds());
            idleRssKiB = start.idleRssKiB();
            deleteTree(folder);
            freshC1.add(artifactStart(jar, folder, false, archive, C1_ONLY).seconds());
        }
        results.put("c1Only.startSecondsRounds", freshC1);
        results.put("c1Only.start_vs_default", BenchReport.median(freshC1) / BenchReport.median(fresh));
        results.put("idleRssKiB.default", idleRssKiB);
        results.put("startSeconds.minimalCamelMain", minimal);
        results.put("startSeconds.defaultRounds", fresh);
        results.put("startSeconds.default", BenchReport.median(fresh));
        results.put("start_vs_minimal_camel_main", BenchReport.median(fresh) / BenchReport.median(minimal));
        // a restart on the same folder: the store exists, no migration or demo data to load
        results.put("startSeconds.restart", artifactStart(jar, folder, false, archive).seconds());
    }

    /**
     * C1-only compilation shortens the start; what it costs at the peaks is measured before it could
     * be adopted: the closed-loop search throughput at page 50 on the embedded default, in rounds, and
     * the warm burst to RabbitMQ, each beside the default compilers' in the same run. The bursts run
     * on PostgreSQL: by now the embedded store's outbox holds the earlier bursts' events, and the
     * outbox counts that tell a started bundle ready read every one of them.
     */
    @Test
    @Order(8)
    void c1OnlyCompilationAtThePeaks() throws Exception {
        Map<String, String> c1 = Map.of("JDK_JAVA_OPTIONS", C1_ONLY);
        List<Double> searches = new ArrayList<>();
        List<Double> searchesC1 = new ArrayList<>();
        for (int round = 0; round < CLOSED_ROUNDS; round++) {
            searches.add(peakSearchThroughput(Map.of()));
            searchesC1.add(peakSearchThroughput(c1));
        }
        results.put("c1Only.searchPerSecondRounds", Map.of("default", searches, "c1Only", searchesC1));
        results.put("c1Only.search_vs_default", BenchReport.median(searchesC1) / BenchReport.median(searches));
        Map<String, Object> burst = burstToRabbitMq(Store.POSTGRESQL, Map.of());
        Map<String, Object> burstC1 = burstToRabbitMq(Store.POSTGRESQL, c1);
        results.put("c1Only.burst", Map.of("default", burst, "c1Only", burstC1));
        results.put(
                "c1Only.burst_vs_default",
                (Double) burstC1.get("relayVsRawPublisher") / (Double) burst.get("relayVsRawPublisher"));
    }

    /** The bundle on the embedded store, warmed up: its closed-loop throughput at page 50. */
    private double peakSearchThroughput(Map<String, String> jvm) throws Exception {
        Server bundle = startBundle(Store.HSQLDB, jvm);
        try {
            LoadGenerator load = new LoadGenerator(bundle.base(), bundle.pid(), searches(50));
            load.closedLoop("warm-up", WORKERS, Duration.ZERO, step.multipliedBy(2));
            LoadGenerator.Result result = load.closedLoop("closed", WORKERS, Duration.ofSeconds(2), step);
            assertEquals(0, result.failures(), "failed requests");
            return result.throughput();
        } finally {
            bundle.stop().close();
        }
    }

    private record ArtifactStart(double seconds, long idleRssKiB) {}

    /**
     * The packaged artifact on {@code data}: seconds from its launch to its first answered search,
     * then, if {@code idle}, its resident memory after 15 s without work.
     */
    private ArtifactStart artifactStart(Path jar, Path data, boolean idle, String... jvmOptions) throws Exception {
        long start = System.nanoTime();
        try (ChildBundle bundle = ChildBundle.startJar(jar, data, work.resolve("fresh.log"), Map.of(), jvmOptions)) {
            firstAnswer(new Server("bundle", bundle.uri("/"), bundle.management("/"), bundle.pid(), bundle));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!idle) {
                return new ArtifactStart(seconds, 0);
            }
            Thread.sleep(15_000);
            return new ArtifactStart(seconds, rssKiB(bundle.pid()));
        }
    }

    @Test
    @Order(7)
    void soak() throws Exception {
        // the soak: PostgreSQL with the fleet, so the heap holds the bundle, not an in-memory database
        Server soaked = startBundle(Store.POSTGRESQL, Map.of());
        try {
            LoadGenerator load = new LoadGenerator(soaked.base(), soaked.pid(), searches(50));
            load.closedLoop("soak-start", 4, Duration.ZERO, Duration.ofMinutes(1));
            long heapAfterOneMinute = heapAfterGc(soaked);
            RssSampler rss = new RssSampler(soaked.pid());
            LoadGenerator.Result result =
                    load.closedLoop("soak", 4, Duration.ZERO, Duration.ofMinutes(Math.max(1, soakMinutes - 1)));
            long peakRss = rss.stop();
            long heapAtEnd = heapAfterGc(soaked);
            Map<String, Object> soak = new LinkedHashMap<>();
            soak.put("minutes", soakMinutes);
            soak.put("requests", result.requests());
            soak.put("failures", result.failures());
            soak.put("throughput", result.throughput());
            soak.put("heapAfterGcBytesAtOneMinute", heapAfterOneMinute);
            soak.put("heapAfterGcBytesAtEnd", heapAtEnd);
            soak.put("peakRssKiB", peakRss);
            results.put("soak", soak);
            System.out.println("BENCH soak " + soak);
        } finally {
            soaked.stop().close();
        }
    }

    /**
     * Seconds from launching {@link MinimalCamelMain} to its first answer, in a JVM of its own with
     * the bundle's JVM options and class path: what camel-main itself costs to start on this machine.
     */
    private double minimalCamelMainStart() throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "@" + Path.of("src", "main", "jvm", "jvm.options").toAbsolutePath(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        MinimalCamelMain.class.getName(),
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("minimal-camel-main.log").toFile()))
                .start();
        try {
            awaitAnswer(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                            .GET()
                            .build(),
                    answer -> answer.statusCode() == 200,
                    120,
                    "the minimal camel-main application did not answer");
            return (System.nanoTime() - start) / 1e9;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Heap in use right after a full collection (jcmd GC.run), from the JVM's own metrics. */
    private static long heapAfterGc(Server server) throws Exception {
        run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(server.pid()), "GC.run");
        Thread.sleep(1_000);
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.management().resolve("/observe/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return (long) metrics.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
