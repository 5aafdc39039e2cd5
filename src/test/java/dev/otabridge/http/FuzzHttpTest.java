package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100,000 random and malicious expressions and bodies, with a fixed seed, through the HTTP API:
 * every answer is an HTTP 200 envelope with code 0 or 99400, never a 99500; no row of another
 * organization; no SQL error in the log.
 */
class FuzzHttpTest {

    private static final long SEED = 4_2026_11_22L;
    private static final int REQUESTS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORGS = List.of("yourOrgId", "o15475466766371");
    private static final List<String> FRAGMENTS = List.of("productKey", "firmwareVersion", "isUpgrading", "name", "name.zh_CN",
            "firmwareName.default", "type", "status", "firmwareId", "=", "!=", "<>", "<", ">=", "in", "IN", "like", "not", "is", "null",
            "and", "AND", "or", "Or", "(", ")", ",", "'", "\"", "'yourProductKey'", "\"8UhOTwV5\"", "true", "FALSE", "'1.0'", ";",
            "--", "/*", "*/", "%", "_", "\\", "DROP TABLE device_firmware", "SELECT * FROM ota_job", "' OR '1'='1", "1=1",
            "UNION SELECT", "\u0000", "\n", "\t", "中文名", "𝔘𝔫𝔦", "orgId", "org_id", "'o15475466766371'", "$(", "{{", "${body}");

    @RegisterExtension
    static final BundleExtension BUNDLE = new BundleExtension();

    private final Random random = new Random(SEED);

    @Test
    void noInputBreaksTheServerOrCrossesOrganizations() throws Exception {
        LogCapture log = new LogCapture();
        HttpClient http = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(16);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        try {
            for (int i = 0; i < REQUESTS && problems.isEmpty(); i++) {
                String org = ORGS.get(random.nextInt(ORGS.size()));
                boolean devices = random.nextBoolean();
                String path = (devices ? SearchApiHttpTest.DEVICES : SearchApiHttpTest.JOBS) + org;
                String body = body(devices);
                inFlight.acquire();
                CompletableFuture<HttpResponse<String>> call = http.sendAsync(HttpRequest.newBuilder(BUNDLE.uri(path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                call.whenComplete((response, failure) -> {
                    try {
                        String problem = failure != null ? "no answer: " + failure : check(response, org);
                        if (problem == null) {
                            (JSON.readTree(response.body()).get("code").intValue() == 0 ? ok : refused).incrementAndGet();
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
        assertEquals(List.of(), log.lines().stream().filter(line -> line.text().matches("(?is).*(sql|hsql|jdbc|syntax error).*")).toList());
        assertEquals(REQUESTS, ok.get() + refused.get());
        // the generator must reach both outcomes in quantity, or the run proves little
        assertTrue(ok.get() > REQUESTS / 20 && refused.get() > REQUESTS / 20, ok + " answered, " + refused + " refused");
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
        for (JsonNode row : code == 0 ? answer.get("data") : JSON.createArrayNode()) {
            if (!org.equals(row.get("orgId").textValue())) {
                return "a row of " + row.get("orgId") + " answered to " + org;
            }
        }
        return null;
    }

    /** A body: mostly a well-formed request with a hostile expression, sometimes a broken one, sometimes a valid one. */
    private String body(boolean devices) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return mutate("{\"expression\":\"productKey='yourProductKey'\",\"pagination\":{\"pageNo\":1,\"pageSize\":5}}");
        }
        if (roll == 1) {
            return "{\"pagination\":{\"pageNo\":" + weirdNumber() + ",\"pageSize\":" + weirdNumber() + "}}";
        }
        if (roll == 2) {
            return "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
        }
        String expression = roll < 6 ? validExpression(devices) : random.nextInt(3) == 0 ? mutate(validExpression(devices)) : fragments();
        ObjectNode request = JSON.createObjectNode().put("expression", expression);
        request.putObject("pagination").put("pageNo", 1 + random.nextInt(3)).put("pageSize", 1 + random.nextInt(200));
        return request.toString();
    }

    private String fragments() {
        StringBuilder expression = new StringBuilder();
        int length = 1 + random.nextInt(14);
        for (int j = 0; j < length; j++) {
            expression.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))).append(random.nextInt(3) == 0 ? "" : " ");
        }
        return expression.toString();
    }

    private String validExpression(boolean devices) {
        List<String> valid = devices
                ? List.of("productKey = 'yourProductKey'", "isUpgrading = false AND productKey in ('8UhOTwV5', 'BXwU4kMk')",
                        "firmwareVersion in ('1.0', \"2.0\") or isUpgrading = TRUE", "")
                : List.of("name like 'name' and firmwareName like 'firmware1'", "(status = 'started' or type = 'verify') and name.zh_CN like '中'",
                        "productKey in ('yourProductKey', 'otherProductKey')", "");
        return valid.get(random.nextInt(valid.size()));
    }

    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int k = 1 + random.nextInt(4); k > 0 && mutated.length() > 0; k--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, (char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
                default -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return mutated.toString();
    }

    private String weirdNumber() {
        return List.of("0", "-1", "201", "1.5", "\"3\"", "null", "1e9", "99999999999999999999", "true", "[]", "{}").get(random.nextInt(11));
    }
}
