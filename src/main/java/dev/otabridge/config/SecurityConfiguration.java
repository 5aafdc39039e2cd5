package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.security.Accounts;
import dev.otabridge.security.OpenServerRule;
import dev.otabridge.security.RequestGuard;
import dev.otabridge.security.SecurityMode;
import dev.otabridge.security.TokenService;
import dev.otabridge.security.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * The callers' accounts, the token service and the guard every API route passes
 * ({@code ota.security.*}). Mode "auto" is the token flow once accounts exist, and no
 * authentication before; an open server listens on loopback unless mode none was chosen by name.
 */
public class SecurityConfiguration implements CamelConfiguration {

    @BindToRegistry("accounts")
    public Accounts accounts(@PropertyInject("ota.security.accounts-file") String accountsFile, ObjectMapper json) {
        return accountsFile.isBlank() ? Accounts.none() : Accounts.read(Path.of(accountsFile), json);
    }

    @BindToRegistry("tokenService")
    public TokenService tokenService(
            Accounts accounts,
            DataSource dataSource,
            Clock clock,
            @PropertyInject("ota.security.token-ttl-seconds") long ttlSeconds,
            @PropertyInject("ota.security.clock-skew-seconds") long skewSeconds,
            ObjectMapper json) {
        return new TokenService(
                accounts,
                new TokenStore(dataSource),
                clock,
                Duration.ofSeconds(ttlSeconds),
                Duration.ofSeconds(skewSeconds),
                json);
    }

    @BindToRegistry("requestGuard")
    public RequestGuard requestGuard(
            CamelContext context,
            @PropertyInject("ota.security.mode") String modeSetting,
            Accounts accounts,
            TokenService tokens,
            @PropertyInject("ota.security.gateway.header") String gatewayHeader,
            @PropertyInject("ota.security.gateway.secret") String gatewaySecret,
            @PropertyInject("ota.security.rate-limit-per-second") int ratePerSecond,
            Clock clock,
            @PropertyInject("ota.http.host") String httpHost,
            @PropertyInject("ota.management.host") String managementHost) {
        SecurityMode mode = SecurityMode.resolve(modeSetting, accounts);
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("ota.http.host", httpHost);
        hosts.put("ota.management.host", managementHost);
        if (OpenServerRule.check(mode, modeSetting.trim().equalsIgnoreCase("none"), hosts)) {
            OpenServerRule.warnEveryMinute(
                    context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "open-server-warning"),
                    hosts);
        }
        return new RequestGuard(mode, tokens, gatewayHeader, gatewaySecret, ratePerSecond, clock);
    }
}
