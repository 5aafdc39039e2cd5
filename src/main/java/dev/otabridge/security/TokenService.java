package dev.otabridge.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.api.ApiException;
import dev.otabridge.api.JsonBody;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EnOS's token service ({@code /apim-token-service/v2.0/token/get} and {@code .../refresh}): an
 * application proves it holds its secret and gets an access token that expires. Tokens live in the
 * {@link TokenStore}, so every instance on one store honours them.
 */
public final class TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    static final int EMPTY_PARAMETER = 1202;
    static final int APP_KEY_UNKNOWN = 1002;
    static final int INVALID_ENCRYPTION = 1003;
    static final int INVALID_PARAMETER = 1004;
    static final int TOKEN_EXPIRED = 1203;
    /** Not in EnOS's published table: the project's code for an app key locked after failed attempts. */
    static final int LOCKED = 1429;
    /** Not in EnOS's published table: the project's code for a failure of the token service itself. */
    static final int INTERNAL_ERROR = 1500;
    /** Failures in a row before an app key is locked; each one after doubles the lock, up to 15 minutes. */
    private static final int FREE_FAILURES = 5;

    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    /** An issued token: whose, and until when (epoch milliseconds). */
    public record Session(Account account, long expiresAt) {}

    private final Accounts accounts;
    private final Clock clock;
    private final Duration ttl;
    private final Duration skew;
    private final ObjectMapper json;
    private final ObjectMapper strictJson;
    private final SecureRandom random = new SecureRandom();
    private final TokenStore sessions;
    private final FailedAttempts failures;

    public TokenService(
            Accounts accounts, TokenStore sessions, Clock clock, Duration ttl, Duration skew, ObjectMapper json) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
        this.ttl = ttl;
        this.skew = skew;
        this.json = json;
        this.strictJson = JsonBody.strict(json);
        this.failures = new FailedAttempts(FREE_FAILURES, LONGEST_LOCK, clock);
    }

    /** {"appKey", "timestamp", "encryption"} → a new token. */
    public String get(String body) {
        return answer(body, false);
    }

    /** The same body plus the current, unexpired "accessToken" → a new token; the old one stops working. */
    public String refresh(String body) {
        return answer(body, true);
    }

    /**
     * The session of a token, expired or not; empty for a token never issued, refreshed away, or
     * whose account is no longer in the accounts file.
     */
    public Optional<Session> session(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        return sessions.find(accessToken).flatMap(entry -> accounts.find(entry.appKey())
                .map(account -> new Session(account, entry.expiresAt())));
    }

    public boolean expired(Session session) {
        return clock.millis() >= session.expiresAt();
    }

    /** Whether a request's timestamp (epoch milliseconds) is within the allowed clock skew. */
    public boolean fresh(String timestamp) {
        try {
            return Math.abs(clock.millis() - Long.parseLong(timestamp)) <= skew.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * What a failed token request answers: a body that is not UTF-8 as the invalid parameter it is,
     * anything else as a bare internal error, its details in the log only.
     */
    public String failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) {
        if (failure instanceof ApiException refused && refused.code() == ApiException.INVALID_ARGUMENT) {
            return failure(INVALID_PARAMETER, "invalid parameter: " + refused.getMessage());
        }
        LOG.error("a token request failed", failure);
        return failure(INTERNAL_ERROR, "internal error");
    }

    private String answer(String body, boolean refresh) {
        JsonNode request;
        try {
            request = strictJson.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            return failure(
                    INVALID_PARAMETER, "invalid parameter: the body is not one JSON object without duplicate keys");
        }
        if (!request.isObject()) {
            return failure(INVALID_PARAMETER, "invalid parameter: the body must be a JSON object");
        }
        String appKey = request.path("appKey").asText("");
        String timestamp = request.path("timestamp").asText("");
        String encryption = request.path("encryption").asText("");
        String oldToken = request.path("accessToken").asText("");
        if (appKey.isEmpty() || timestamp.isEmpty() || encryption.isEmpty() || (refresh && oldToken.isEmpty())) {
            return failure(
                    EMPTY_PARAMETER,
                    "empty parameter: appKey, timestamp, encryption" + (refresh ? " and accessToken" : "")
                            + " are required");
        }
        if (!fresh(timestamp)) {
            return failure(
                    INVALID_PARAMETER, "invalid parameter: timestamp is not the current time in epoch milliseconds");
        }
        Optional<Account> account = accounts.find(appKey);
        if (account.isEmpty()) {
            return failure(APP_KEY_UNKNOWN, "appKey does not exist");
        }
        Duration locked = failures.lockedFor(appKey);
        if (!locked.isZero()) {
            return failure(
                    LOCKED,
                    "too many failed attempts for this appKey: try again in " + Math.max(1, locked.toSeconds()) + " s");
        }
        if (!Signatures.same(
                Signatures.encryption(appKey, timestamp, account.get().secret()), encryption)) {
            failures.failed(appKey);
            return failure(INVALID_ENCRYPTION, "invalid encryption");
        }
        failures.succeeded(appKey);
        if (refresh && !sessions.removeUnexpired(oldToken, appKey, clock.millis())) {
            return failure(TOKEN_EXPIRED, "token expired or unknown: get a new one");
        }
        forgetExpired();
        String token = HexFormat.of().formatHex(bytes());
        sessions.put(token, appKey, clock.millis() + ttl.toMillis());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accessToken", token);
        data.put("expire", ttl.toSeconds());
        return write(0, "SUCCESS", data);
    }

    private byte[] bytes() {
        byte[] token = new byte[32];
        random.nextBytes(token);
        return token;
    }

    /** Expired tokens are kept a while, so a caller hears "expired" rather than "unknown", then dropped. */
    private void forgetExpired() {
        sessions.removeExpiredBefore(clock.millis() - ttl.toMillis());
    }

    private String failure(int status, String message) {
        return write(status, message, null);
    }

    private String write(int status, String message, Object data) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("msg", message);
        answer.put("business", "apim-token-service");
        answer.put("data", data);
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
