package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and malicious expressions, bodies and load documents, with a fixed seed, through the HTTP
 * API: NUL and other control characters, lone surrogates (as JSON escapes), bytes that are not
 * UTF-8, letters whose case is not ASCII's, oversized expressions. Every answer is an HTTP 200
 * envelope with code 0 or 99400, never a 99500; no row of another organization; no SQL and no
 * stack trace in the log. On the embedded store here, on PostgreSQL in the services profile.
 */
public class FuzzHttpTest {

    private static final long SEED = 4_2026_11_22L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORGS = List.of("yourOrgId", "o15475466766371");
    private static final List<String> FRAGMENTS = List.of(
            "productKey",
            "firmwareVersion",
            "isUpgrading",
            "name",
            "name.zh_CN",
            "firmwareName.default",
            "type",
            "status",
            "firmwareId",
            "=",
            "!=",
            "<>",
            "<",
            ">=",
            "in",
            "IN",
            "like",
            "not",
            "is",
            "null",
            "and",
            "AND",
            "or",
            "Or",
            "(",
            ")",
            ",",
            "'",
            "\"",
            "'yourProductKey'",
            "\"8UhOTwV5\"",
            "true",
            "FALSE",
            "'1.0'",
            ";",
            "--",
            "/*",
            "*/",
            "%",
            "_",
            "\\",
            "DROP TABLE device_firmware",
            "SELECT * FROM ota_job",
            "' OR '1'='1",
            "1=1",
            "UNION SELECT",
            "\u0000",
            "\n",
            "\t",
            "中文名",
            "𝔘𝔫𝔦",
            "orgId",
            "org_id",
            "'o15475466766371'",
            "$(",
            "{{",
            "${body}",
            // hostile text: NUL and other control characters inside strings, lone surrogates, letters whose case is not
            // ASCII's
            "'a\u0000b'",
            "\"\u0001\"",
            "'\u007f'",
            "'\u0085x'",
            "'\uD800'",
            "\"x\uDC00\"",
            "\uDBFF",
            "'İ'",
            "'STRASSE'",
            "'ß'",
            "'ΣΊΣΥΦΟΣ'",
            "'ǅ'",
            "'ﬁ'");

    @TempDir
    Path data;

    private final Random random = new Random(SEED);

    /** How many requests: a smoke run in the plain build; the services profile runs the full one (LongFuzzHttpTest). */
    protected int requests() {
        return 2_000;
    }

    /** The store: the embedded default here, the machine's PostgreSQL in the services profile. */
    protected Map<String, String> store() {
        return Map.of();
    }

    @Test
    public void noInputBreaksTheServerOrCrossesOrganizations() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, store())) {
            fuzz(bundle);
        }
    }

    private void fuzz(RunningBundle bundle) throws Exception {
        LogCapture log = new LogCapture();
        HttpClient http = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(16);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        try {
            for (int i = 0; i < requests() && problems.isEmpty(); i++) {
                String org = ORGS.get(random.nextInt(ORGS.size()));
                boolean devices = random.nextBoolean();
                boolean load = random.nextInt(20) == 0;
                String path = load
                        ? "/ota-store/v1/records"
                        : (devices ? SearchApiHttpTest.DEVICES : SearchApiHttpTest.JOBS) + org;
                String body = load ? loadDocument(org) : body(devices);
                inFlight.acquire();
                CompletableFuture<HttpResponse<String>> call = http.sendAsync(
                        HttpRequest.newBuilder(bundle.uri(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                call.whenComplete((response, failure) -> {
                    try {
                        String problem = failure != null ? "no answer: " + failure : check(response, org);
                        if (problem == null) {
                            (JSON.readTree(response.body()).get("code").intValue() == 0 ? ok : refused)
                                    .incrementAndGet();
                        } else {
                            problems.add(problem + " <- " + body);
                        }
                    } catch (Exception e) {
                        problems.add(e + " <- " + body);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquire(16);
        } finally {
            log.close();
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(
                List.of(),
                log.lines().stream()
                        .filter(line ->
                                line.text().matches("(?is).*(sql|hsql|jdbc|postgres|syntax error).*") || line.traced())
                        .toList(),
                "no SQL and no stack trace in the log");
        assertEquals(requests(), ok.get() + refused.get());
        // the generator must reach both outcomes in quantity, or the run proves little
        assertTrue(
                ok.get() > requests() / 20 && refused.get() > requests() / 20,
                ok + " answered, " + refused + " refused");
    }

    /**
     * The body as sent: UTF-8, but a lone surrogate travels as a JSON escape (UTF-8 cannot carry
     * one), and now and then a byte that is not UTF-8 at all is put in.
     */
    private byte[] bytes(String body) {
        StringBuilder escaped = new StringBuilder();
        body.codePoints()
                .forEach(cp -> escaped.append(
                        cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE
                                ? String.format("\\u%04x", cp)
                                : Character.toString(cp)));
        byte[] bytes = escaped.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(50) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return bytes;
    }

    private static String check(HttpResponse<String> response, String org) throws Exception {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        JsonNode answer = JSON.readTree(response.body());
        int code = answer.path("code").asInt(-1);
        if (code != 0 && code != 99400) {
            return "code " + code + ": " + answer;
        }
        if (!answer.has("requestId") || !answer.has("data")) {
            return "not an envelope: " + answer;
        }
        for (JsonNode row : code == 0 && answer.get("data").isArray() ? answer.get("data") : JSON.createArrayNode()) {
            if (!org.equals(row.get("orgId").textValue())) {
                return "a row of " + row.get("orgId") + " answered to " + org;
            }
        }
        return null;
    }

    /**
     * A load of one device of the organization whose fields are hostile text now and then: stored exactly, or a 99400.
     */
    private String loadDocument(String org) {
        ObjectNode device = JSON.createObjectNode().put("orgId", org);
        for (String field : List.of("assetId", "productKey", "deviceKey", "firmwareVersion")) {
            device.put(field, random.nextInt(3) == 0 ? fragments() : "fuzz" + random.nextInt(50));
        }
        device.put("isUpgrading", random.nextBoolean());
        ObjectNode document = JSON.createObjectNode();
        document.putArray("devices").add(device);
        return document.toString();
    }

    /**
     * A body: mostly a well-formed request with a hostile expression, sometimes a broken one, sometimes a valid one.
     */
    private String body(boolean devices) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return mutate(
                    "{\"expression\":\"productKey='yourProductKey'\",\"pagination\":{\"pageNo\":1,\"pageSize\":5}}");
        }
        if (roll == 1) {
            return "{\"pagination\":{\"pageNo\":" + weirdNumber() + ",\"pageSize\":" + weirdNumber() + "}}";
        }
        if (roll == 2) {
            return random.nextBoolean()
                    ? "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000))
                    : JSON.createObjectNode()
                            .put("expression", "productKey = '" + "x".repeat(16_000 + random.nextInt(2_000)) + "'")
                            .toString();
        }
        String expression = roll < 6
                ? validExpression(devices)
                : random.nextInt(3) == 0 ? mutate(validExpression(devices)) : fragments();
        ObjectNode request = JSON.createObjectNode().put("expression", expression);
        request.putObject("pagination").put("pageNo", 1 + random.nextInt(3)).put("pageSize", 1 + random.nextInt(200));
        return request.toString();
    }

    private String fragments() {
        StringBuilder expression = new StringBuilder();
        int length = 1 + random.nextInt(14);
        for (int j = 0; j < length; j++) {
            expression
                    .append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())))
                    .append(random.nextInt(3) == 0 ? "" : " ");
        }
        return expression.toString();
    }

    private String validExpression(boolean devices) {
        List<String> valid = devices
                ? List.of(
                        "productKey = 'yourProductKey'",
                        "isUpgrading = false AND productKey in ('8UhOTwV5', 'BXwU4kMk')",
                        "firmwareVersion in ('1.0', \"2.0\") or isUpgrading = TRUE",
                        "")
                : List.of(
                        "name like 'name' and firmwareName like 'firmware1'",
                        "(status = 'started' or type = 'verify') and name.zh_CN like '中'",
                        "productKey in ('yourProductKey', 'otherProductKey')",
                        "");
        return valid.get(random.nextInt(valid.size()));
    }

    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int k = 1 + random.nextInt(4); k > 0 && mutated.length() > 0; k--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 ->
                    mutated.insert(
                            at, (char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
                default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return mutated.toString();
    }

    private String weirdNumber() {
        return List.of("0", "-1", "201", "1.5", "\"3\"", "null", "1e9", "99999999999999999999", "true", "[]", "{}")
                .get(random.nextInt(11));
    }
}
