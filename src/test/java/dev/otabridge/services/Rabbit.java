package dev.otabridge.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The machine's RabbitMQ as the tests use it: a queue of their own, a consumer that acknowledges, an outage on demand.
 */
final class Rabbit implements AutoCloseable {

    final String exchange = "ota.it." + UUID.randomUUID();
    final String queue = exchange + ".events";
    private final ObjectMapper json = new ObjectMapper();
    private final List<GetResponse> received = new ArrayList<>();
    private Connection connection;
    private Channel channel;

    /** The target URI the bundle publishes to: the bundle declares the durable exchange, queue and binding. */
    String target() {
        return "spring-rabbitmq:" + exchange + "?queues=" + queue + "&routingKey=upgrade&autoDeclareProducer=true"
                + "&arg.queue.durable=true&confirm=enabled&connectionFactory=#rabbitConnectionFactory";
    }

    /** The bodies of everything the queue holds now, acknowledged, added to what was received before. */
    synchronized List<JsonNode> drain() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (GetResponse message : messages()) {
            bodies.add(json.readTree(message.getBody()));
        }
        return bodies;
    }

    /** As {@link #drain()}, the whole messages: properties, headers and body. */
    synchronized List<GetResponse> messages() {
        Channel ch = channel();
        if (ch == null) {
            return List.copyOf(received);
        }
        try {
            GetResponse message;
            while ((message = ch.basicGet(queue, false)) != null) {
                received.add(message);
                ch.basicAck(message.getEnvelope().getDeliveryTag(), false);
            }
        } catch (IOException | com.rabbitmq.client.AlreadyClosedException e) {
            // the queue does not exist yet, or the broker is away: nothing to read now
            reset();
        }
        return List.copyOf(received);
    }

    private Channel channel() {
        try {
            if (channel == null || !channel.isOpen()) {
                reset();
                ConnectionFactory factory = new ConnectionFactory();
                factory.setHost("127.0.0.1");
                connection = factory.newConnection("ota-it-consumer");
                channel = connection.createChannel();
            }
            return channel;
        } catch (Exception e) {
            return null;
        }
    }

    /** A queue the test declares itself, bound to the exchange, that refuses publishes beyond {@code maxLength}. */
    void declareRejectingQueue(int maxLength) throws Exception {
        Channel ch = channel();
        ch.exchangeDeclare(exchange, "direct", true);
        ch.queueDeclare(queue, true, false, false, Map.of("x-max-length", maxLength, "x-overflow", "reject-publish"));
        ch.queueBind(queue, exchange, "upgrade");
    }

    void purge() throws Exception {
        channel().queuePurge(queue);
    }

    static void brokerDown() throws Exception {
        run("rabbitmqctl", "stop_app");
    }

    static void brokerUp() throws Exception {
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    /**
     * A memory alarm: the broker stops reading what publishers send, and confirms nothing, until {@link #unblock()}.
     */
    static void blockPublishers() throws Exception {
        run("rabbitmqctl", "set_vm_memory_high_watermark", "0");
    }

    /** Back to RabbitMQ's default watermark, which this machine's broker runs with. */
    static void unblock() throws Exception {
        run("rabbitmqctl", "set_vm_memory_high_watermark", "0.4");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private void reset() {
        try {
            if (connection != null) {
                connection.abort();
            }
        } catch (Exception e) {
            // already gone
        }
        connection = null;
        channel = null;
    }

    @Override
    public void close() throws Exception {
        Channel ch = channel();
        if (ch != null) {
            try {
                ch.queueDelete(queue);
                ch.exchangeDelete(exchange);
            } catch (IOException e) {
                // never declared
            }
        }
        reset();
    }
}
