package dev.otabridge.services;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.otabridge.sync.ConfirmingRabbitMQComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The relay's RabbitMQ producer against the machine's broker: sends that wait for their own confirm without a thread.
 */
@ServicesTest
class ConfirmingRabbitMQComponentTest {

    private final Rabbit rabbit = new Rabbit();
    private final CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
    private CamelContext camel;

    @BeforeEach
    void start() {
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("rabbitConnectionFactory", connections);
        camel.addComponent("spring-rabbitmq", new ConfirmingRabbitMQComponent());
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        connections.destroy();
        rabbit.close();
    }

    /**
     * Sends every body from this thread at once and waits for all of them; answers each exchange and whether it
     * completed at once.
     */
    private List<Exchange> sendAll(String uri, int count, List<Boolean> completedAtOnce) throws Exception {
        AsyncProducer producer = camel.getEndpoint(uri).createAsyncProducer();
        producer.start();
        try {
            CountDownLatch done = new CountDownLatch(count);
            List<Exchange> exchanges = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Exchange exchange = new DefaultExchange(camel);
                exchange.getMessage().setBody("{\"n\":" + i + "}");
                exchanges.add(exchange);
                completedAtOnce.add(producer.process(exchange, sync -> done.countDown()));
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "every send was confirmed or failed within 60 s");
            return exchanges;
        } finally {
            producer.stop();
        }
    }

    @Test
    void sendsFromOneThreadAreInFlightTogetherAndEachCompletesWithItsConfirm() throws Exception {
        List<Boolean> completedAtOnce = new ArrayList<>();
        List<Exchange> sent = sendAll(rabbit.target(), 500, completedAtOnce);
        assertFalse(completedAtOnce.contains(true), "no send waited for its confirm on the sending thread");
        sent.forEach(exchange -> assertNull(exchange.getException(), "confirmed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> rabbit.drain().size() == 500);
    }

    @Test
    void aMessageNoQueueTakesFailsInsteadOfBeingConfirmedAndDropped() throws Exception {
        rabbit.declareRejectingQueue(1000);
        String unbound = "spring-rabbitmq:" + rabbit.exchange
                + "?routingKey=nobody-listens&skipDeclareQueue=true&skipDeclareExchange=true"
                + "&confirm=enabled&connectionFactory=#rabbitConnectionFactory";
        Exchange sent = sendAll(unbound, 1, new ArrayList<>()).get(0);
        assertNotNull(sent.getException(), "an unroutable message is not delivered");
        assertTrue(
                sent.getException().getMessage().contains("no queue took the message"),
                sent.getException().getMessage());
    }

    @Test
    void aMessageTheQueueRefusesFailsWithTheBrokersReason() throws Exception {
        rabbit.declareRejectingQueue(2);
        String full = "spring-rabbitmq:" + rabbit.exchange
                + "?routingKey=upgrade&skipDeclareQueue=true&skipDeclareExchange=true"
                + "&confirm=enabled&connectionFactory=#rabbitConnectionFactory";
        List<Exchange> sent = sendAll(full, 5, new ArrayList<>());
        assertEquals(
                2,
                sent.stream()
                        .filter(exchange -> exchange.getException() == null)
                        .count(),
                "the queue holds two");
        sent.stream()
                .filter(exchange -> exchange.getException() != null)
                .forEach(exchange -> assertTrue(
                        exchange.getException().getMessage().contains("refused"),
                        exchange.getException().getMessage()));
    }

    @Test
    void aConfirmThatNeverComesFailsTheSendWithinItsTimeout() throws Exception {
        String waiting = rabbit.target() + "&confirmTimeout=1000";
        Rabbit.blockPublishers();
        try {
            Exchange sent = sendAll(waiting, 1, new ArrayList<>()).get(0);
            assertNotNull(sent.getException(), "a send the broker never confirmed is not delivered");
            assertTrue(
                    sent.getException().getMessage().contains("no publisher confirm within 1000 ms"),
                    sent.getException().getMessage());
        } finally {
            Rabbit.unblock();
        }
    }
}
