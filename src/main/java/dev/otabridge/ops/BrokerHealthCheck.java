package dev.otabridge.ops;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Ready only while the RabbitMQ the relay publishes to accepts a connection. Registered only when
 * the relay has a spring-rabbitmq target; events keep waiting in the outbox while it is down.
 */
public final class BrokerHealthCheck extends AbstractHealthCheck {

    private final ConnectionFactory connectionFactory;

    public BrokerHealthCheck(ConnectionFactory connectionFactory) {
        super("ota", "broker");
        this.connectionFactory = connectionFactory;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = connectionFactory.createConnection()) {
            if (connection.isOpen()) {
                builder.up();
            } else {
                builder.down().message("the broker connection is closed");
            }
        } catch (Exception e) {
            builder.down().message("the broker cannot be reached").error(e);
        }
    }
}
