package dev.otabridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.api.BoundedHttpServers;
import dev.otabridge.api.ConnectionLimits;
import dev.otabridge.api.DemoData;
import dev.otabridge.api.Envelopes;
import dev.otabridge.api.FeedRequestReader;
import dev.otabridge.api.RecordsReader;
import dev.otabridge.api.RequestGate;
import dev.otabridge.api.SearchRequestReader;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.mirror.UpstreamMirror;
import dev.otabridge.mirror.UpstreamSession;
import dev.otabridge.ops.BrokerHealthCheck;
import dev.otabridge.ops.StoreHealthCheck;
import dev.otabridge.search.SearchTargets;
import dev.otabridge.search.SqlSearch;
import dev.otabridge.security.Accounts;
import dev.otabridge.security.OpenServerRule;
import dev.otabridge.security.RequestGuard;
import dev.otabridge.security.SecurityMode;
import dev.otabridge.security.TokenService;
import dev.otabridge.security.TokenStore;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.sync.ConfirmingRabbitMQComponent;
import dev.otabridge.sync.ContextRunning;
import dev.otabridge.sync.EventMessage;
import dev.otabridge.sync.Lease;
import dev.otabridge.sync.Outbox;
import dev.otabridge.sync.TransitionDetector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the beans the routes call, from the {@code ota.*} settings (their defaults live in
 * application.properties alone). Schema migration and the demo data start here, once, and are done
 * before any route takes a message.
 */
public class BundleConfiguration implements CamelConfiguration {

    private static final String METRICS_REGISTRY = "metricsRegistry";

    @PropertyInject("ota.db.url")
    private String dbUrl;
    @PropertyInject("ota.db.user")
    private String dbUser;
    @PropertyInject("ota.db.password")
    private String dbPassword;
    @PropertyInject("ota.db.pool-size")
    private int poolSize;
    @PropertyInject("ota.demo-data")
    private String demoData;
    @PropertyInject("ota.expression.max-length")
    private int maxLength;
    @PropertyInject("ota.expression.max-in-values")
    private int maxInValues;
    @PropertyInject("ota.expression.max-depth")
    private int maxDepth;
    @PropertyInject("ota.expression.max-comparisons")
    private int maxComparisons;
    @PropertyInject("ota.expression.cache-size")
    private int expressionCacheSize;

    @PropertyInject("ota.sync.source")
    private String eventSource;
    @PropertyInject("ota.sync.batch-size")
    private int syncBatchSize;
    @PropertyInject("ota.sync.stall-after-minutes")
    private long stallAfterMinutes;
    @PropertyInject("ota.sync.relay.enabled")
    private boolean relayEnabled;
    @PropertyInject("ota.sync.targets")
    private String targets;
    @PropertyInject("ota.sync.retry.max-attempts")
    private int maxAttempts;
    @PropertyInject("ota.sync.retry.first-delay-millis")
    private long firstDelayMillis;
    @PropertyInject("ota.sync.retry.max-delay-millis")
    private long maxDelayMillis;
    @PropertyInject("ota.sync.relay.lease-seconds")
    private long leaseSeconds;
    @PropertyInject("ota.sync.relay.parallelism")
    private int relayParallelism;
    @PropertyInject("ota.sync.relay.batch-size")
    private int relayBatchSize;

    @PropertyInject("ota.rabbitmq.host")
    private String rabbitHost;
    @PropertyInject("ota.rabbitmq.port")
    private int rabbitPort;
    @PropertyInject("ota.rabbitmq.username")
    private String rabbitUser;
    @PropertyInject("ota.rabbitmq.password")
    private String rabbitPassword;
    @PropertyInject("ota.rabbitmq.virtual-host")
    private String rabbitVirtualHost;

    @PropertyInject("ota.mirror.enabled")
    private boolean mirrorEnabled;
    @PropertyInject("ota.mirror.url")
    private String mirrorUrl;
    @PropertyInject("ota.mirror.app-key")
    private String mirrorAppKey;
    @PropertyInject("ota.mirror.secret")
    private String mirrorAppSecret;
    @PropertyInject("ota.mirror.org-ids")
    private String mirrorOrgIds;
    @PropertyInject("ota.mirror.jobs")
    private boolean mirrorJobs;
    @PropertyInject("ota.mirror.page-size")
    private int mirrorPageSize;
    @PropertyInject("ota.mirror.lease-seconds")
    private long mirrorLeaseSeconds;

    @PropertyInject("ota.http.host")
    private String httpHost;
    @PropertyInject("ota.http.port")
    private int httpPort;
    @PropertyInject("ota.management.port")
    private int managementPort;
    @PropertyInject("ota.http.max-connections")
    private int maxConnections;
    @PropertyInject("ota.http.idle-timeout-seconds")
    private long idleTimeoutSeconds;
    @PropertyInject("ota.http.header-timeout-seconds")
    private long headerTimeoutSeconds;
    @PropertyInject("ota.http.body-timeout-seconds")
    private long bodyTimeoutSeconds;
    @PropertyInject("ota.management.host")
    private String managementHost;
    @PropertyInject("ota.security.mode")
    private String securityMode;
    @PropertyInject("ota.security.accounts-file")
    private String accountsFile;
    @PropertyInject("ota.security.token-ttl-seconds")
    private long tokenTtlSeconds;
    @PropertyInject("ota.security.clock-skew-seconds")
    private long clockSkewSeconds;
    @PropertyInject("ota.security.gateway.header")
    private String gatewayHeader;
    @PropertyInject("ota.security.gateway.secret")
    private String gatewaySecret;
    @PropertyInject("ota.security.rate-limit-per-second")
    private int ratePerSecond;

    @Override
    public void configure(CamelContext context) throws Exception {
        if (relayEnabled && targets.isBlank()) {
            throw new IllegalArgumentException("ota.sync.relay.enabled is true but ota.sync.targets names no endpoint");
        }
        HikariDataSource dataSource = dataSource();
        CachingConnectionFactory rabbit = rabbitConnectionFactory();
        // closed when Camel stops, after the routes that use them
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                rabbit.destroy();
                dataSource.close();
            }
        });
        ObjectMapper json = new ObjectMapper();
        MeterRegistry registryOfMetrics = meterRegistry(context);
        // the JVM's own: heap and its pools, garbage collection, threads, CPU
        new JvmMemoryMetrics().bindTo(registryOfMetrics);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registryOfMetrics);
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                gcMetrics.close();
            }
        });
        new JvmThreadMetrics().bindTo(registryOfMetrics);
        new ProcessorMetrics().bindTo(registryOfMetrics);
        OtaMetrics metrics = new OtaMetrics(registryOfMetrics);
        OtaStore store = new OtaStore(dataSource, json);
        RecordsReader records = new RecordsReader(json);
        setUpStoreWhileRoutesLoad(context, dataSource, store, records);

        ExpressionLimits limits = new ExpressionLimits(maxLength, maxInValues, maxDepth, maxComparisons);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Registry registry = context.getRegistry();
        bindSecurity(context, registry, json, dataSource);
        registry.bind("otaDataSource", dataSource);
        registry.bind("otaStore", store);
        registry.bind("records", records);
        Envelopes envelopes = new Envelopes(json, metrics);
        registry.bind("envelopes", envelopes);
        registry.bind("searchRequests", new SearchRequestReader(json));
        registry.bind("deviceUpgradeSearch", new SqlSearch<>(jdbc, SearchTargets.deviceUpgrades(), limits, expressionCacheSize, metrics));
        registry.bind("otaJobSearch", new SqlSearch<>(jdbc, SearchTargets.otaJobs(json), limits, expressionCacheSize, metrics));
        registry.bind("transitionDetector", new TransitionDetector(dataSource, json, Clock.systemUTC(), eventSource,
                syncBatchSize, Duration.ofMinutes(stallAfterMinutes), metrics));
        registry.bind("rabbitConnectionFactory", rabbit);
        // spring-rabbitmq: targets keep their URIs; a send waits for its confirm without holding a thread
        context.addComponent("spring-rabbitmq", new ConfirmingRabbitMQComponent());
        registry.bind("storeHealthCheck", new StoreHealthCheck(dataSource));
        if (relayEnabled && targets.contains("spring-rabbitmq:")) {
            registry.bind("brokerHealthCheck", new BrokerHealthCheck(rabbit));
        }
        Lease mirrorLease = bindMirror(registry, json, dataSource, store, records, metrics);
        registry.bind("eventMessage", new EventMessage());
        registry.bind("contextRunning", new ContextRunning());
        // made by Camel, so Camel shuts it down with the context
        registry.bind("relayThreads", context.getExecutorServiceManager().newFixedThreadPool(this, "relay", relayParallelism));
        Outbox outbox = new Outbox(dataSource, json, Clock.systemUTC(),
                new Outbox.RetryPolicy(maxAttempts, Duration.ofMillis(firstDelayMillis), Duration.ofMillis(maxDelayMillis)),
                Duration.ofSeconds(leaseSeconds), metrics);
        registry.bind("outbox", outbox);
        registry.bind("feedRequests", new FeedRequestReader());
        // Camel stops services in the reverse order of their adding: after the routes, before the store closes
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                outbox.releaseRelayLease();
                mirrorLease.release();
            }
        });
        // last: every setting above has been checked, so no failure leaves its Vert.x threads behind
        bindHttpServers(context, envelopes);
    }

    /**
     * The Vert.x instance platform-http's servers are made by, with this bundle's connection limits
     * and request gate; a port that could not be bound stops the start, where platform-http would
     * log it and run on without it.
     */
    private void bindHttpServers(CamelContext context, Envelopes envelopes) throws Exception {
        BoundedHttpServers servers = new BoundedHttpServers(new ConnectionLimits(maxConnections, Duration.ofSeconds(idleTimeoutSeconds),
                Duration.ofSeconds(headerTimeoutSeconds), Duration.ofSeconds(bodyTimeoutSeconds)), new RequestGate(context, envelopes));
        context.getRegistry().bind("vertx", servers.vertx());
        context.addStartupListener((camel, alreadyStarted) -> {
            for (BoundedHttpServers.BindFailure failure : servers.bindFailures()) {
                String setting = failure.port() == httpPort ? "ota.http.port" : failure.port() == managementPort ? "ota.management.port" : "port";
                throw new IllegalStateException(setting + " " + failure.port() + " on " + failure.host() + " cannot be bound: " + failure.reason());
            }
        });
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.CamelContextStoppedEvent) {
                    servers.close();
                }
            }
        });
    }

    /**
     * Migrates the store and loads the demo data on a thread of its own while Camel loads and starts
     * the routes (on a new data folder the two took about 2 s each, one after the other); the routes'
     * consumers start only once the store is ready, and a store that cannot be set up stops the start.
     */
    private void setUpStoreWhileRoutesLoad(CamelContext context, DataSource dataSource, OtaStore store, RecordsReader records)
            throws Exception {
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            StoreSetup.migrate(dataSource);
            try {
                DemoData.load(demoData, store, records);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> new Thread(task, "store-setup").start());
        // called before the routes' consumers start: no request or tick reaches a store not yet migrated
        context.addStartupListener((camel, alreadyStarted) -> {
            try {
                ready.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
    }

    /** Mirror mode's beans, and the lease of its passes; the routes that use them start only when ota.mirror.enabled is true. */
    private Lease bindMirror(Registry registry, ObjectMapper json, DataSource dataSource, OtaStore store,
                            RecordsReader records, OtaMetrics metrics) {
        Lease lease = new Lease(dataSource, "mirror", Duration.ofSeconds(mirrorLeaseSeconds), Clock.systemUTC());
        UpstreamMirror mirror = new UpstreamMirror(mirrorOrgIds, mirrorJobs, mirrorPageSize, dataSource, store, records, json, metrics, lease);
        if (mirrorEnabled && (mirrorUrl.isBlank() || mirrorAppKey.isBlank() || !mirror.configured())) {
            throw new IllegalArgumentException("ota.mirror.enabled is true: ota.mirror.url, ota.mirror.app-key and ota.mirror.org-ids must be set");
        }
        registry.bind("upstreamMirror", mirror);
        registry.bind("upstreamSession", new UpstreamSession(mirrorAppKey, mirrorAppSecret, Clock.systemUTC(), json));
        return lease;
    }

    /**
     * For spring-rabbitmq targets. It connects on first use, so a bundle without a broker never
     * touches it. Correlated publisher confirms and returns tell each send whether the broker took
     * its message ({@link ConfirmingRabbitMQComponent}).
     */
    private CachingConnectionFactory rabbitConnectionFactory() {
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbitHost, rabbitPort);
        factory.setUsername(rabbitUser);
        factory.setPassword(rabbitPassword);
        factory.setVirtualHost(rabbitVirtualHost);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        // a channel goes back to the cache only once the broker has confirmed what it published, so a
        // relay batch in flight holds a channel per event: with fewer cached, channels were opened and
        // closed per event (2,500 confirmed sends a second in a trial, 5,400 with the cache this large)
        factory.setChannelCacheSize(Math.max(25, relayBatchSize));
        factory.setConnectionNameStrategy(f -> "ota-bridge");
        return factory;
    }

    /**
     * The callers' accounts, the token service and the guard every API route passes. Mode "auto"
     * is the token flow once accounts exist, and no authentication before.
     */
    private void bindSecurity(CamelContext context, Registry registry, ObjectMapper json, DataSource dataSource) {
        Accounts accounts = accountsFile.isBlank() ? Accounts.none() : Accounts.read(Path.of(accountsFile), json);
        SecurityMode mode = SecurityMode.resolve(securityMode, accounts);
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("ota.http.host", httpHost);
        hosts.put("ota.management.host", managementHost);
        if (OpenServerRule.check(mode, securityMode.trim().equalsIgnoreCase("none"), hosts)) {
            OpenServerRule.warnEveryMinute(context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "open-server-warning"), hosts);
        }
        TokenService tokens = new TokenService(accounts, new TokenStore(dataSource), Clock.systemUTC(), Duration.ofSeconds(tokenTtlSeconds),
                Duration.ofSeconds(clockSkewSeconds), json);
        registry.bind("tokenService", tokens);
        registry.bind("requestGuard", new RequestGuard(mode, tokens, gatewayHeader, gatewaySecret, ratePerSecond, Clock.systemUTC()));
    }

    /**
     * The registry /observe/metrics serves: camel-micrometer-prometheus's own when it has made it
     * already, otherwise one bound under the name it looks for, so both sides share it.
     */
    private static MeterRegistry meterRegistry(CamelContext context) {
        MeterRegistry existing = context.getRegistry().lookupByNameAndType(METRICS_REGISTRY, MeterRegistry.class);
        if (existing != null) {
            return existing;
        }
        PrometheusMeterRegistry created = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind(METRICS_REGISTRY, created);
        return created;
    }

    private HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ota-store");
        config.setJdbcUrl(dbUrl);
        config.setUsername(dbUser);
        config.setPassword(dbPassword);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}
