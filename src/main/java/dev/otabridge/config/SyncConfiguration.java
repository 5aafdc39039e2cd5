package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.ops.BrokerHealthCheck;
import dev.otabridge.sync.CloudEventsMode;
import dev.otabridge.sync.ConfirmingRabbitMQComponent;
import dev.otabridge.sync.ContextRunning;
import dev.otabridge.sync.DetectionTraceParent;
import dev.otabridge.sync.EventBindings;
import dev.otabridge.sync.EventContract;
import dev.otabridge.sync.EventMessage;
import dev.otabridge.sync.EventOrigin;
import dev.otabridge.sync.EventSchema;
import dev.otabridge.sync.FleetSummary;
import dev.otabridge.sync.Outbox;
import dev.otabridge.sync.TransitionDetector;
import dev.otabridge.sync.WebhookSignature;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Upgrade-status sync ({@code ota.sync.*}): the detector, the outbox and its relay, and the RabbitMQ
 * connection the spring-rabbitmq targets publish on ({@code ota.rabbitmq.*}).
 */
public class SyncConfiguration implements CamelConfiguration {

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "");

    @PropertyInject("ota.sync.relay.enabled")
    private boolean relayEnabled;

    @PropertyInject("ota.sync.targets")
    private String targets;

    @BindToRegistry("transitionDetector")
    public TransitionDetector transitionDetector(
            DataSourceTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            @PropertyInject("ota.sync.source") String source,
            EventSchema schema,
            @PropertyInject("ota.sync.batch-size") int batchSize,
            @PropertyInject("ota.sync.stall-after-minutes") long stallAfterMinutes,
            OtaMetrics metrics) {
        return new TransitionDetector(
                transactions,
                json,
                clock,
                new EventOrigin(source, schema.url()),
                batchSize,
                Duration.ofMinutes(stallAfterMinutes),
                metrics);
    }

    /** The events' JSON Schema, at the address consumers reach the bundle at ({@code ota.public-url}). */
    @BindToRegistry("eventSchema")
    public EventSchema eventSchema(
            ObjectMapper json,
            @PropertyInject("ota.public-url") String publicUrl,
            @PropertyInject("ota.http.host") String host,
            @PropertyInject("ota.http.port") int port,
            @PropertyInject(value = "camel.server.use-global-ssl-context-parameters", defaultValue = "false")
                    boolean tls)
            throws UnknownHostException {
        return new EventSchema(json, publicUrl.isBlank() ? derivedUrl(host, port, tls) : checkedUrl(publicUrl));
    }

    private static String derivedUrl(String host, int port, boolean tls) throws UnknownHostException {
        String reachable = WILDCARDS.contains(host)
                ? InetAddress.getLocalHost().getCanonicalHostName()
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tls ? "https" : "http") + "://" + reachable + ":" + port;
    }

    private static String checkedUrl(String publicUrl) {
        URI uri = URI.create(publicUrl.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "ota.public-url must be an http or https address with a host, not '" + publicUrl + "'");
        }
        return uri.toString().replaceAll("/+$", "");
    }

    @BindToRegistry("outbox")
    public Outbox outbox(
            DataSourceTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            @PropertyInject("ota.sync.retry.max-attempts") int maxAttempts,
            @PropertyInject("ota.sync.retry.first-delay-millis") long firstDelayMillis,
            @PropertyInject("ota.sync.retry.max-delay-millis") long maxDelayMillis,
            @PropertyInject("ota.sync.relay.lease-seconds") long leaseSeconds,
            OtaMetrics metrics) {
        return new Outbox(
                transactions,
                json,
                clock,
                new Outbox.RetryPolicy(
                        maxAttempts, Duration.ofMillis(firstDelayMillis), Duration.ofMillis(maxDelayMillis)),
                Duration.ofSeconds(leaseSeconds),
                metrics);
    }

    /** The AsyncAPI document of the targets the relay publishes to; none while it is off. */
    @BindToRegistry("eventContract")
    public EventContract eventContract(
            ObjectMapper json,
            EventSchema schema,
            EventBindings bindings,
            @PropertyInject("ota.kafka.brokers") String kafkaBrokers,
            @PropertyInject("ota.rabbitmq.host") String rabbitHost,
            @PropertyInject("ota.rabbitmq.port") int rabbitPort,
            @PropertyInject("ota.rabbitmq.virtual-host") String rabbitVirtualHost) {
        return new EventContract(
                json,
                schema,
                relayEnabled ? targets : "",
                bindings.mode(),
                bindings.signsWebhooks(),
                new EventContract.Brokers(kafkaBrokers, rabbitHost, rabbitPort, rabbitVirtualHost));
    }

    @BindToRegistry("fleetSummary")
    public FleetSummary fleetSummary(DataSourceTransactionManager transactions, Outbox outbox, Clock clock) {
        return new FleetSummary(transactions, outbox, clock);
    }

    @BindToRegistry("detectionTraceParent")
    public DetectionTraceParent detectionTraceParent() {
        return new DetectionTraceParent();
    }

    @BindToRegistry("eventMessage")
    public EventMessage eventMessage(ObjectMapper json) {
        return new EventMessage(json);
    }

    @BindToRegistry("eventBindings")
    public EventBindings eventBindings(
            @PropertyInject("ota.sync.cloudevents.mode") String mode,
            @PropertyInject("ota.sync.webhook.secret") String webhookSecrets,
            Clock clock) {
        return new EventBindings(CloudEventsMode.named(mode), WebhookSignature.of(webhookSecrets), clock);
    }

    @BindToRegistry("contextRunning")
    public ContextRunning contextRunning() {
        return new ContextRunning();
    }

    /** Made by Camel, so Camel shuts it down with the context. */
    @BindToRegistry("relayThreads")
    public ExecutorService relayThreads(
            CamelContext context, @PropertyInject("ota.sync.relay.parallelism") int parallelism) {
        return context.getExecutorServiceManager().newFixedThreadPool(this, "relay", parallelism);
    }

    /**
     * For spring-rabbitmq targets: it declares their exchanges and queues, and its settings are
     * those of the relay's own publishing connection ({@link ConfirmingRabbitMQComponent}). It
     * connects on first use, so a bundle without a broker never touches it. With confirms on, a
     * target's {@code confirm=auto} means confirmed sends.
     */
    @BindToRegistry("rabbitConnectionFactory")
    public CachingConnectionFactory rabbitConnectionFactory(
            @PropertyInject("ota.rabbitmq.host") String host,
            @PropertyInject("ota.rabbitmq.port") int port,
            @PropertyInject("ota.rabbitmq.username") String username,
            @PropertyInject("ota.rabbitmq.password") String password,
            @PropertyInject("ota.rabbitmq.virtual-host") String virtualHost) {
        CachingConnectionFactory factory = new CachingConnectionFactory(host, port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setConnectionNameStrategy(f -> "ota-bridge");
        return factory;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        if (relayEnabled && targets.isBlank()) {
            throw new IllegalArgumentException("ota.sync.relay.enabled is true but ota.sync.targets names no endpoint");
        }
        CachingConnectionFactory rabbit =
                context.getRegistry().lookupByNameAndType("rabbitConnectionFactory", CachingConnectionFactory.class);
        Outbox outbox = context.getRegistry().lookupByNameAndType("outbox", Outbox.class);
        // spring-rabbitmq: targets keep their URIs; a send waits for its confirm without holding a thread
        context.addComponent("spring-rabbitmq", new ConfirmingRabbitMQComponent());
        if (relayEnabled && targets.contains("spring-rabbitmq:")) {
            context.getRegistry().bind("brokerHealthCheck", new BrokerHealthCheck(rabbit));
        }
        // stopped after the routes, before the store closes: another instance relays at its next pass
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                outbox.releaseRelayLease();
                rabbit.destroy();
            }
        });
    }
}
