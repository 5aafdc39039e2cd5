package dev.otabridge.security;

import dev.otabridge.api.ApiException;
import dev.otabridge.api.QueryString;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only if its caller is who it says (the mode's proof) and may do this
 * here: the operation's permission, and for the searches the organization in {@code orgId}.
 * Refusals are EnOS envelopes: 99401 for a caller not proven, 99403 for one not allowed, 99429 for
 * one over its rate.
 */
public final class RequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final SecurityMode mode;
    private final TokenService tokens;
    private final String gatewayHeader;
    private final String gatewaySecret;
    private final RateLimiter limiter;

    public RequestGuard(SecurityMode mode, TokenService tokens, String gatewayHeader, String gatewaySecret, int ratePerSecond, Clock clock) {
        if (mode == SecurityMode.GATEWAY && (gatewaySecret == null || gatewaySecret.isBlank())) {
            throw new IllegalArgumentException("gateway mode needs ota.security.gateway.secret: the header the gateway proves itself with");
        }
        this.mode = mode;
        this.tokens = tokens;
        this.gatewayHeader = gatewayHeader;
        this.gatewaySecret = gatewaySecret;
        this.limiter = new RateLimiter(ratePerSecond, clock);
        String banner = switch (mode) {
            case TOKEN -> "SECURITY: token mode: every call must carry an EnOS access token and signature";
            case GATEWAY -> "SECURITY: gateway mode: calls are trusted when they carry the gateway's " + gatewayHeader + " header;"
                    + " nothing else may reach this port";
            case NONE -> "SECURITY: NONE: no caller is authenticated or authorized. For local development only";
        };
        if (mode == SecurityMode.NONE) {
            LOG.warn(banner);
        } else {
            LOG.info(banner);
        }
    }

    /**
     * @param permission the operation's permission, as EnOS names it ("Firmware/Read")
     * @param rawQuery   the raw query string (orgId for the searches)
     * @param body       the raw body, as signed
     * @param headers    the request's headers
     * @throws ApiException 99401, 99403 or 99429
     */
    public void admit(String permission, String rawQuery, String body, Map<String, Object> headers) {
        Permission needed = Permission.named(permission).orElseThrow(() -> new IllegalArgumentException(permission));
        switch (mode) {
            case NONE -> { }
            case GATEWAY -> {
                if (!Signatures.same(gatewaySecret, header(headers, gatewayHeader))) {
                    throw new ApiException(ApiException.UNAUTHORIZED, "Unauthorized: the request did not come through the API gateway");
                }
            }
            case TOKEN -> {
                QueryString query = QueryString.parse(rawQuery);
                authorize(authenticate(query, body, headers), needed, query);
            }
        }
    }

    private Account authenticate(QueryString query, String body, Map<String, Object> headers) {
        String token = header(headers, "apim-accesstoken");
        String timestamp = header(headers, "apim-timestamp");
        String signature = header(headers, "apim-signature");
        if (token == null || timestamp == null || signature == null) {
            throw unauthorized("apim-accesstoken, apim-timestamp and apim-signature headers are required");
        }
        TokenService.Session session = tokens.session(token).orElseThrow(() -> unauthorized("unknown accessToken"));
        if (tokens.expired(session)) {
            throw unauthorized("accessToken expired: refresh it or get a new one");
        }
        if (!tokens.fresh(timestamp)) {
            throw unauthorized("apim-timestamp is outside the allowed clock skew");
        }
        Account account = session.account();
        String expected = Signatures.request(token, query.all(), body, timestamp, account.secret());
        if (!Signatures.same(expected, signature)) {
            throw unauthorized("apim-signature does not match the request");
        }
        if (!limiter.allow(account.accessKey())) {
            throw new ApiException(ApiException.TOO_MANY_REQUESTS,
                    "Too Many Requests: at most " + limiter.perSecond() + " requests per second for this account");
        }
        return account;
    }

    private static void authorize(Account account, Permission needed, QueryString query) {
        if (!account.permissions().contains(needed)) {
            throw new ApiException(ApiException.DENIED, "Denied resource: " + needed.text());
        }
        if (needed != Permission.ADMIN) {
            String orgId = query.single("orgId");
            if (orgId != null && !account.orgIds().contains(orgId)) {
                throw new ApiException(ApiException.DENIED, "Denied resource: orgId " + orgId);
            }
        }
    }

    private static ApiException unauthorized(String why) {
        return new ApiException(ApiException.UNAUTHORIZED, "Unauthorized: " + why);
    }

    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
