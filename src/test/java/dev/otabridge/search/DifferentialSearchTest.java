package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.expression.Expr;
import dev.otabridge.expression.ExpressionEvaluator;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.expression.ExpressionParser;
import dev.otabridge.expression.FieldTable;
import dev.otabridge.expression.Operator;
import dev.otabridge.expression.SearchField;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.JobInfo;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import dev.otabridge.store.StoredText;
import dev.otabridge.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Thousands of random valid expressions over a random data set: every page the SQL path returns
 * must equal the same page of what an in-memory evaluator of the same tree selects and orders.
 * Seeded, so a failure repeats; the seed and the expression are in the failure message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class DifferentialSearchTest {

    private static final long SEED = 20261122L;
    private static final List<String> ORGS = List.of("orgA", "orgB", "orgC");
    private static final List<String> KEYS =
            List.of("pk1", "PK1", "pk2", "p'q", "p\"q", "p%", "p_x", "ünï", "产品", "a\\b");
    private static final List<String> VERSIONS = List.of("1.0", "1.1", "2.0", "1.0 ", "v%_", "版本");
    private static final List<String> WORDS = List.of(
            "Alpha",
            "beta",
            "50%_off",
            "back\\slash",
            "Ünïcode",
            "中文名",
            "firmware1",
            "x'y",
            "q\"r",
            "GAMMA",
            "名前",
            // letters whose other case is not one-to-one or not ASCII's: ß/SS, final ς, dotted İ, titlecase ǅ, the ﬁ
            // ligature, Deseret
            "Straße",
            "STRASSE",
            "ΣΊΣΥΦΟΣ",
            "σίσυφος",
            "İstanbul",
            "ǅungla",
            "ﬁle",
            "\uD801\uDC00\uD801\uDC28x");
    private static final List<String> LOCALES = List.of("zh_CN", "en_US", "ja_JP", "es_ES");
    private static final List<Integer> PAGE_SIZES = List.of(1, 3, 7, 50, 200);

    private static final ObjectMapper JSON = new ObjectMapper();
    private HikariDataSource database;
    private final List<DeviceFirmware> devices = new ArrayList<>();
    private final List<JobInfo> jobs = new ArrayList<>();
    private final Random random = new Random(SEED);

    /** The store under test: HSQLDB here, PostgreSQL in the services profile. */
    /** How many random expressions per API: a smoke run in the plain build, more in the services profile. */
    protected int expressionsPerApi() {
        return 1_000;
    }

    protected HikariDataSource database() {
        return TestDatabase.fresh();
    }

    @BeforeAll
    void randomDataSet() {
        Random random = new Random(SEED);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            devices.add(new DeviceFirmware(
                    pick(random, ORGS),
                    uniqueId(random, ids),
                    pick(random, KEYS),
                    "dev" + i,
                    random.nextInt(8) == 0 ? null : pick(random, VERSIONS),
                    random.nextBoolean()));
        }
        for (int i = 0; i < 400; i++) {
            jobs.add(new JobInfo(
                    pick(random, ORGS),
                    random.nextInt(6) == 0 ? null : pick(random, KEYS),
                    uniqueId(random, ids),
                    randomName(random),
                    "fw" + random.nextInt(5),
                    pick(random, VERSIONS),
                    randomName(random),
                    random.nextBoolean() ? "upgrade" : "verify",
                    random.nextBoolean(),
                    null,
                    null,
                    7200,
                    random.nextBoolean() ? "started" : "stopped",
                    1_000L * random.nextInt(20),
                    null,
                    null,
                    null));
        }
        database = database();
        new OtaStore(new DataSourceTransactionManager(database), JSON).upsert(new Records(devices, jobs));
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    public void deviceSearchAgreesWithTheEvaluator() {
        SqlSearch<DeviceFirmware> search = new SqlSearch<>(
                new JdbcTemplate(database),
                SearchTargets.deviceUpgrades(),
                ExpressionLimits.DEFAULT,
                100,
                new OtaMetrics(new SimpleMeterRegistry()));
        Map<SearchField, Function<DeviceFirmware, Object>> values = Map.of(
                DeviceUpgradeField.PRODUCT_KEY, DeviceFirmware::productKey,
                DeviceUpgradeField.FIRMWARE_VERSION, DeviceFirmware::firmwareVersion,
                DeviceUpgradeField.IS_UPGRADING, DeviceFirmware::isUpgrading);
        compare(
                search,
                SearchTargets.DEVICE_UPGRADE_FIELDS,
                devices,
                DeviceFirmware::orgId,
                Comparator.comparing(DeviceFirmware::assetId),
                d -> row(values, d, null));
    }

    @Test
    public void jobSearchAgreesWithTheEvaluator() {
        SqlSearch<JobInfo> search = new SqlSearch<>(
                new JdbcTemplate(database),
                SearchTargets.otaJobs(JSON),
                ExpressionLimits.DEFAULT,
                100,
                new OtaMetrics(new SimpleMeterRegistry()));
        Map<SearchField, Function<JobInfo, Object>> values = Map.of(
                OtaJobField.PRODUCT_KEY, JobInfo::productKey,
                OtaJobField.FIRMWARE_ID, JobInfo::firmwareId,
                OtaJobField.FIRMWARE_VERSION, JobInfo::firmwareVersion,
                OtaJobField.TYPE, JobInfo::type,
                OtaJobField.STATUS, JobInfo::status);
        Map<SearchField, Function<JobInfo, JsonNode>> names =
                Map.of(OtaJobField.NAME, JobInfo::name, OtaJobField.FIRMWARE_NAME, JobInfo::firmwareName);
        compare(
                search,
                SearchTargets.OTA_JOB_FIELDS,
                jobs,
                JobInfo::orgId,
                Comparator.comparingLong(JobInfo::createTime)
                        .thenComparing(JobInfo::jobId)
                        .reversed(),
                j -> row(values, j, names));
    }

    private <T> void compare(
            SqlSearch<T> search,
            FieldTable table,
            List<T> all,
            Function<T, String> org,
            Comparator<T> order,
            Function<T, ExpressionEvaluator.Row> rows) {
        ExpressionParser parser = new ExpressionParser(table, ExpressionLimits.DEFAULT);
        int nonEmpty = 0;
        for (int n = 0; n < expressionsPerApi(); n++) {
            String expression = expression(table, 0);
            String orgId = pick(random, ORGS);
            Expr tree = parser.parse(expression).orElseThrow();
            List<T> expected = all.stream()
                    .filter(t -> org.apply(t).equals(orgId) && ExpressionEvaluator.matches(tree, rows.apply(t)))
                    .sorted(order)
                    .toList();
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertPages(search, orgId, expression, expected);
        }
        // the generator must produce expressions that select something, or the comparison proves little
        assertTrue(nonEmpty > expressionsPerApi() / 4, "only " + nonEmpty + " expressions matched any row");
    }

    /** Every page of one search against the evaluator's rows, totalSize included. */
    private <T> void assertPages(SqlSearch<T> search, String orgId, String expression, List<T> expected) {
        int pageSize = pick(random, PAGE_SIZES);
        int pages = expected.size() / pageSize + 1;
        for (int pageNo = 1; pageNo <= pages; pageNo++) {
            SearchPage<T> page = search.run(new SearchRequest(orgId, expression, pageNo, pageSize));
            int from = Math.min(expected.size(), (pageNo - 1) * pageSize);
            String context = "seed " + SEED + ", org " + orgId + ", page " + pageNo + "/" + pageSize + ", expression: "
                    + expression;
            assertEquals(expected.size(), page.totalSize(), context);
            assertEquals(expected.subList(from, Math.min(expected.size(), from + pageSize)), page.data(), context);
        }
    }

    /**
     * Every stored name is found by its own text written in any letter case (ASCII's, the JDK's
     * upper and lower case, Unicode case folding), whatever letters it holds, on either store.
     */
    @Test
    public void everyNameIsFoundByItsOwnTextInAnyLetterCase() {
        SqlSearch<JobInfo> search = new SqlSearch<>(
                new JdbcTemplate(database),
                SearchTargets.otaJobs(JSON),
                ExpressionLimits.DEFAULT,
                100,
                new OtaMetrics(new SimpleMeterRegistry()));
        int probes = 0;
        for (JobInfo job : jobs) {
            String name = job.name().path("defaultValue").textValue();
            if (name == null || name.contains("'") && name.contains("\"")) {
                continue;
            }
            for (String written : new HashSet<>(List.of(
                    name,
                    name.toUpperCase(java.util.Locale.ROOT),
                    name.toLowerCase(java.util.Locale.ROOT),
                    StoredText.folded(name)))) {
                String quoted = written.contains("'") ? "\"" + written + "\"" : "'" + written + "'";
                SearchPage<JobInfo> page =
                        search.run(new SearchRequest(job.orgId(), "name.defaultValue like " + quoted, 1, 200));
                assertTrue(page.data().contains(job), job.jobId() + " not found by " + quoted);
                probes++;
            }
        }
        assertTrue(probes > 300, "probes: " + probes);
    }

    /**
     * Without an expression a search answers every row of the organization, and none of an organization without rows.
     */
    @Test
    public void searchesWithoutAnExpressionAnswerTheWholeOrganization() {
        SqlSearch<DeviceFirmware> deviceSearch = new SqlSearch<>(
                new JdbcTemplate(database),
                SearchTargets.deviceUpgrades(),
                ExpressionLimits.DEFAULT,
                100,
                new OtaMetrics(new SimpleMeterRegistry()));
        SqlSearch<JobInfo> jobSearch = new SqlSearch<>(
                new JdbcTemplate(database),
                SearchTargets.otaJobs(JSON),
                ExpressionLimits.DEFAULT,
                100,
                new OtaMetrics(new SimpleMeterRegistry()));
        List<String> orgs = new ArrayList<>(ORGS);
        orgs.add("an organization without rows");
        for (String orgId : orgs) {
            assertPages(
                    deviceSearch,
                    orgId,
                    null,
                    devices.stream()
                            .filter(d -> d.orgId().equals(orgId))
                            .sorted(Comparator.comparing(DeviceFirmware::assetId))
                            .toList());
            assertPages(
                    jobSearch,
                    orgId,
                    null,
                    jobs.stream()
                            .filter(j -> j.orgId().equals(orgId))
                            .sorted(Comparator.comparingLong(JobInfo::createTime)
                                    .thenComparing(JobInfo::jobId)
                                    .reversed())
                            .toList());
        }
    }

    /** A random valid expression: nested and/or, keywords in any case, both quote styles. */
    private String expression(FieldTable table, int depth) {
        int shape = depth >= 3 ? 0 : random.nextInt(6);
        if (shape == 4 || shape == 5) {
            String keyword =
                    shape == 4 ? pick(random, List.of("and", "AND", "And")) : pick(random, List.of("or", "OR", "oR"));
            String left = expression(table, depth + 1);
            String right = expression(table, depth + 1);
            return random.nextBoolean()
                    ? "(" + left + ") " + keyword + " (" + right + ")"
                    : left + " " + keyword + " " + right;
        }
        return comparison(table);
    }

    private String comparison(FieldTable table) {
        SearchField field = pick(random, table.fields());
        Operator op = pick(random, List.copyOf(field.operators()));
        String name = field.fieldName();
        if (field.localized()) {
            name += pick(random, List.of("", "", ".defaultValue", ".default", "." + pick(random, LOCALES)));
        }
        return name
                + pick(random, List.of(" ", ""))
                + switch (op) {
                    case EQ -> "=" + pick(random, List.of(" ", "")) + literal(field);
                    case IN ->
                        " " + pick(random, List.of("in", "IN")) + " (" + literal(field) + ", " + literal(field) + ")";
                    case LIKE -> " " + pick(random, List.of("like", "LIKE")) + " " + quote(likeFragment());
                    default -> throw new IllegalStateException(op.name());
                };
    }

    private String literal(SearchField field) {
        return switch (field.type()) {
            case BOOLEAN -> {
                String value = random.nextBoolean() ? "true" : "FALSE";
                yield random.nextBoolean() ? value : quote(value);
            }
            case STRING ->
                quote(pick(
                        random,
                        switch (field.fieldName()) {
                            case "type" -> List.of("upgrade", "verify", "Upgrade");
                            case "status" -> List.of("started", "stopped");
                            case "firmwareId" -> List.of("fw0", "fw1", "fw4", "FW1");
                            case "firmwareVersion" -> VERSIONS;
                            default -> KEYS;
                        }));
        };
    }

    /**
     * Part of a stored word (whole characters) in a random letter case, or a wildcard character that must stay literal.
     */
    private String likeFragment() {
        String word = pick(random, WORDS);
        if (random.nextInt(8) == 0) {
            return pick(random, List.of("%", "_", "\\", "x"));
        }
        int[] letters = word.codePoints().toArray();
        int start = random.nextInt(letters.length);
        String part = new String(letters, start, 1 + random.nextInt(letters.length - start));
        return switch (random.nextInt(3)) {
            case 0 -> part.toUpperCase(java.util.Locale.ROOT);
            case 1 -> part.toLowerCase(java.util.Locale.ROOT);
            default -> part;
        };
    }

    private String quote(String value) {
        if (value.contains("'")) {
            return "\"" + value + "\"";
        }
        if (value.contains("\"")) {
            return "'" + value + "'";
        }
        return random.nextBoolean() ? "'" + value + "'" : "\"" + value + "\"";
    }

    private static JsonNode randomName(Random random) {
        ObjectNode name = JSON.createObjectNode();
        name.put("defaultValue", random.nextInt(10) == 0 ? null : pick(random, WORDS) + " " + pick(random, WORDS));
        ObjectNode i18n = name.putObject("i18nValue");
        for (String locale : LOCALES) {
            int roll = random.nextInt(4);
            if (roll == 0) {
                i18n.put(locale, pick(random, WORDS));
            } else if (roll == 1) {
                i18n.put(locale, "");
            }
        }
        return name;
    }

    private static <T> ExpressionEvaluator.Row row(
            Map<SearchField, Function<T, Object>> values, T item, Map<SearchField, Function<T, JsonNode>> names) {
        return new ExpressionEvaluator.Row() {
            @Override
            public Object value(SearchField field) {
                return values.get(field).apply(item);
            }

            @Override
            public String defaultName(SearchField field) {
                return names.get(field).apply(item).path("defaultValue").textValue();
            }

            @Override
            public Map<String, String> names(SearchField field) {
                Map<String, String> texts = new HashMap<>();
                Iterator<Map.Entry<String, JsonNode>> entries =
                        names.get(field).apply(item).path("i18nValue").fields();
                entries.forEachRemaining(e -> {
                    if (!e.getValue().asText("").isEmpty()) {
                        texts.put(e.getKey(), e.getValue().asText());
                    }
                });
                return texts;
            }
        };
    }

    private static String uniqueId(Random random, Set<String> taken) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String id;
        do {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            id = b.toString();
        } while (!taken.add(id));
        return id;
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
