package dev.otabridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.MovableClock;
import dev.otabridge.api.ApiException;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.store.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class TokenServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovableClock clock = new MovableClock();

    @TempDir
    Path dir;

    private final HikariDataSource database = TestDatabase.fresh();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private TokenService service() throws Exception {
        Path file = dir.resolve("accounts.json");
        Files.writeString(
                file,
                "{\"accounts\":[{\"accessKey\":\"app1\",\"secret\":\"secret1\",\"orgIds\":[\"o1\"],\"permissions\":"
                        + "[\"Firmware/Read\"]}]}");
        StoreSetup.migrate(database);
        return new TokenService(
                Accounts.read(file, JSON),
                new TokenStore(database),
                clock,
                Duration.ofSeconds(7200),
                Duration.ofMinutes(5),
                JSON);
    }

    private String body(String appKey, long timestamp, String secret, String extra) {
        return "{\"appKey\":\"" + appKey + "\",\"timestamp\":" + timestamp + ",\"encryption\":\""
                + Signatures.encryption(appKey, String.valueOf(timestamp), secret) + "\"" + extra + "}";
    }

    private static JsonNode read(String answer) throws Exception {
        return JSON.readTree(answer);
    }

    @Test
    void aValidRequestGetsATokenInTheDocumentedShape() throws Exception {
        JsonNode answer = read(service().get(body("app1", clock.millis(), "secret1", "")));
        assertEquals(0, answer.get("status").intValue());
        assertEquals("SUCCESS", answer.get("msg").textValue());
        assertEquals("apim-token-service", answer.get("business").textValue());
        assertEquals(64, answer.get("data").get("accessToken").textValue().length());
        assertEquals(7200, answer.get("data").get("expire").intValue());
    }

    @Test
    void eachMistakeHasItsCode() throws Exception {
        TokenService tokens = service();
        assertEquals(1202, read(tokens.get("{}")).get("status").intValue());
        assertEquals(
                1002,
                read(tokens.get(body("nobody", clock.millis(), "secret1", "")))
                        .get("status")
                        .intValue());
        assertEquals(
                1003,
                read(tokens.get(body("app1", clock.millis(), "wrong", "")))
                        .get("status")
                        .intValue());
        assertEquals(
                1004,
                read(tokens.get(body("app1", clock.millis() - 600_000, "secret1", "")))
                        .get("status")
                        .intValue());
        assertEquals(1004, read(tokens.get("not json")).get("status").intValue());
        assertTrue(read(tokens.get(body("app1", clock.millis(), "wrong", "")))
                .get("data")
                .isNull());
    }

    @Test
    void refreshReplacesATokenBeforeItExpires() throws Exception {
        TokenService tokens = service();
        String token = read(tokens.get(body("app1", clock.millis(), "secret1", "")))
                .get("data")
                .get("accessToken")
                .textValue();
        assertFalse(tokens.expired(tokens.session(token).orElseThrow()));
        clock.advance(Duration.ofMinutes(119));
        JsonNode refreshed =
                read(tokens.refresh(body("app1", clock.millis(), "secret1", ",\"accessToken\":\"" + token + "\"")));
        assertEquals(0, refreshed.get("status").intValue());
        String fresh = refreshed.get("data").get("accessToken").textValue();
        assertTrue(tokens.session(token).isEmpty());
        assertFalse(tokens.expired(tokens.session(fresh).orElseThrow()));
        assertEquals(
                1203,
                read(tokens.refresh(body("app1", clock.millis(), "secret1", ",\"accessToken\":\"" + token + "\"")))
                        .get("status")
                        .intValue());
    }

    @Test
    void anExpiredTokenIsNotRefreshedAndStaysDead() throws Exception {
        TokenService tokens = service();
        String token = read(tokens.get(body("app1", clock.millis(), "secret1", "")))
                .get("data")
                .get("accessToken")
                .textValue();
        clock.advance(Duration.ofHours(2));
        assertTrue(tokens.expired(tokens.session(token).orElseThrow()));
        JsonNode refused =
                read(tokens.refresh(body("app1", clock.millis(), "secret1", ",\"accessToken\":\"" + token + "\"")));
        assertEquals(1203, refused.get("status").intValue());
        assertTrue(refused.get("data").isNull());
        assertTrue(
                tokens.expired(tokens.session(token).orElseThrow()),
                "the expired token is still known as expired, not revived");
        assertEquals(
                0,
                read(tokens.get(body("app1", clock.millis(), "secret1", "")))
                        .get("status")
                        .intValue(),
                "a new token can be had");
    }

    @Test
    void bodiesAreStrictJsonObjects() throws Exception {
        TokenService tokens = service();
        String valid = body("app1", clock.millis(), "secret1", "");
        assertEquals(0, read(tokens.get(valid)).get("status").intValue());
        assertEquals(
                1004,
                read(tokens.get(valid.replace("{", "{\"appKey\":\"other\",")))
                        .get("status")
                        .intValue(),
                "duplicate key");
        assertEquals(1004, read(tokens.get(valid + " {}")).get("status").intValue(), "trailing content");
        assertEquals(1004, read(tokens.get("[" + valid + "]")).get("status").intValue(), "not an object");
    }

    @Test
    void repeatedFailuresLockTheAppKeyForAGrowingTime() throws Exception {
        TokenService tokens = service();
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    1003,
                    read(tokens.get(body("app1", clock.millis(), "guess" + i, "")))
                            .get("status")
                            .intValue());
        }
        assertEquals(
                1003,
                read(tokens.get(body("app1", clock.millis(), "guess5", "")))
                        .get("status")
                        .intValue());
        JsonNode locked = read(tokens.get(body("app1", clock.millis(), "secret1", "")));
        assertEquals(1429, locked.get("status").intValue(), "even the right secret waits out the lock");
        assertEquals(
                "too many failed attempts for this appKey: try again in 1 s",
                locked.get("msg").textValue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                1003,
                read(tokens.get(body("app1", clock.millis(), "guess6", "")))
                        .get("status")
                        .intValue());
        assertEquals(
                "too many failed attempts for this appKey: try again in 2 s",
                read(tokens.get(body("app1", clock.millis(), "secret1", "")))
                        .get("msg")
                        .textValue());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(
                0,
                read(tokens.get(body("app1", clock.millis(), "secret1", "")))
                        .get("status")
                        .intValue());
        assertEquals(
                1003,
                read(tokens.get(body("app1", clock.millis(), "guess7", "")))
                        .get("status")
                        .intValue(),
                "a success starts the count again");
        assertEquals(
                1003,
                read(tokens.get(body("app1", clock.millis(), "guess8", "")))
                        .get("status")
                        .intValue());
    }

    @Test
    void instancesOnOneStoreShareTokensAndARefreshOnOneEndsTheTokenOnAll() throws Exception {
        TokenService first = service();
        TokenService second = service();
        String token = read(first.get(body("app1", clock.millis(), "secret1", "")))
                .get("data")
                .get("accessToken")
                .textValue();
        assertEquals("app1", second.session(token).orElseThrow().account().accessKey());
        read(second.refresh(body("app1", clock.millis(), "secret1", ",\"accessToken\":\"" + token + "\"")));
        assertTrue(first.session(token).isEmpty());
    }

    @Test
    void theStoreKeepsNoTokenItCouldBeCalledWith() throws Exception {
        TokenService tokens = service();
        String token = read(tokens.get(body("app1", clock.millis(), "secret1", "")))
                .get("data")
                .get("accessToken")
                .textValue();
        String stored = new JdbcTemplate(database).queryForObject("SELECT token_hash FROM access_token", String.class);
        assertFalse(stored.equals(token));
        assertTrue(tokens.session(stored).isEmpty(), "the stored value is not a token");
    }

    @Test
    void theSecretIsNeverShown() throws Exception {
        Path file = dir.resolve("accounts.json");
        Files.writeString(
                file,
                "{\"accounts\":[{\"accessKey\":\"app1\",\"secret\":\"s3cr3t\",\"orgIds\":[],\"permissions\":[]}]}");
        assertFalse(
                Accounts.read(file, JSON).find("app1").orElseThrow().toString().contains("s3cr3t"));
    }

    @Test
    void aFailureIsAnsweredInTheTokenServicesShapeWithoutItsDetails() throws Exception {
        JsonNode internal = read(service().failed(new IllegalStateException("connection to db-7 refused")));
        assertEquals(1500, internal.get("status").intValue());
        assertEquals("apim-token-service", internal.get("business").textValue());
        assertEquals("internal error", internal.get("msg").textValue());
        JsonNode notText =
                read(service().failed(ApiException.invalidArgument("body", "the body is not UTF-8 (byte 3 of 9)")));
        assertEquals(1004, notText.get("status").intValue());
        assertEquals(
                "invalid parameter: Invalid Argument body:the body is not UTF-8 (byte 3 of 9)",
                notText.get("msg").textValue());
    }
}
