package dev.otabridge.security;

import dev.otabridge.api.ApiException;
import dev.otabridge.api.QueryString;
import dev.otabridge.api.RequestHeaders;
import java.time.Clock;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
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

    public RequestGuard(
            SecurityMode mode,
            TokenService tokens,
            String gatewayHeader,
            String gatewaySecret,
            int ratePerSecond,
            Clock clock) {
        if (mode == SecurityMode.GATEWAY && (gatewaySecret == null || gatewaySecret.isBlank())) {
            throw new IllegalArgumentException(
                    "gateway mode needs ota.security.gateway.secret: the header the gateway proves itself with");
        }
        this.mode = mode;
        this.tokens = tokens;
        this.gatewayHeader = gatewayHeader == null ? "" : gatewayHeader;
        this.gatewaySecret = gatewaySecret;
        this.limiter = new RateLimiter(ratePerSecond, clock);
        String banner =
                switch (mode) {
                    case TOKEN -> "SECURITY: token mode: every call must carry an EnOS access token and signature";
                    case GATEWAY ->
                        "SECURITY: gateway mode: calls are trusted when they carry the gateway's " + gatewayHeader
                                + " header;" + " nothing else may reach this port";
                    case NONE -> "SECURITY: NONE: no caller is authenticated or authorized. For local development only";
                };
        if (mode == SecurityMode.NONE) {
            LOG.warn(banner);
        } else {
            LOG.info(banner);
        }
    }

    /**
     * @param needed   the operation's permission
     * @param exchange   the request: its raw query (orgId for the searches), raw body (as signed) and
     *                   HTTP headers (the credentials)
     * @throws ApiException 99400 for credentials in the query string, 99401, 99403 or 99429
     */
    public void admit(Permission needed, Exchange exchange) {
        Message message = exchange.getMessage();
        QueryString query = QueryString.parse(message.getHeader(Exchange.HTTP_QUERY, String.class));
        refuseCredentialsIn(query);
        UnaryOperator<String> headers = RequestHeaders.of(message);
        switch (mode) {
            case NONE -> {}
            case GATEWAY -> {
                if (!Signatures.same(gatewaySecret, headers.apply(gatewayHeader))) {
                    throw new ApiException(
                            ApiException.UNAUTHORIZED,
                            "Unauthorized: the request did not come through the API gateway");
                }
            }
            case TOKEN -> authorize(authenticate(query, message.getBody(String.class), headers), needed, query);
        }
    }

    /** Secrets in a URL end up in access logs and proxies: such a request is refused, whatever the mode. */
    private void refuseCredentialsIn(QueryString query) {
        for (String name : query.all().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("apim-")
                    || (!gatewayHeader.isEmpty() && lower.equals(gatewayHeader.toLowerCase(Locale.ROOT)))) {
                throw ApiException.invalidArgument(
                        "query", "credentials belong in HTTP headers, not in the query string");
            }
        }
    }

    private Account authenticate(QueryString query, String body, UnaryOperator<String> headers) {
        String token = headers.apply("apim-accesstoken");
        String timestamp = headers.apply("apim-timestamp");
        String signature = headers.apply("apim-signature");
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
            throw new ApiException(
                    ApiException.TOO_MANY_REQUESTS,
                    "Too Many Requests: at most " + limiter.perSecond() + " requests per second for this account");
        }
        return account;
    }

    private static void authorize(Account account, Permission needed, QueryString query) {
        if (needed == Permission.EVENTS_READ && account.permissions().contains(Permission.ADMIN)) {
            return;
        }
        if (!account.permissions().contains(needed)) {
            throw new ApiException(ApiException.DENIED, "Denied resource: " + needed.text());
        }
        if (needed != Permission.ADMIN) {
            String orgId = query.single("orgId");
            if (orgId == null && needed == Permission.EVENTS_READ) {
                // without an organization the feed answers every one: an admin's read
                throw new ApiException(ApiException.DENIED, "Denied resource: the events of every organization");
            }
            if (orgId != null && !account.orgIds().contains(orgId)) {
                throw new ApiException(ApiException.DENIED, "Denied resource: orgId " + orgId);
            }
        }
    }

    private static ApiException unauthorized(String why) {
        return new ApiException(ApiException.UNAUTHORIZED, "Unauthorized: " + why);
    }
}
