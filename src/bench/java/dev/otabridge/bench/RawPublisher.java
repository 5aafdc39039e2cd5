package dev.otabridge.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's own pace, the relay's limit: the RabbitMQ Java client publishing persistent
 * messages to a durable queue on one channel with publisher confirms, streaming (at most
 * {@code window} unconfirmed), timed from the first publish to the last confirm, after an untimed
 * warm-up.
 */
final class RawPublisher {

    private RawPublisher() {}

    static double perSecond(int messages, byte[] body, int window) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        String queue = "ota.bench.raw." + System.nanoTime();
        try (Connection connection = factory.newConnection("ota-bench-raw-publisher")) {
            try (Channel channel = connection.createChannel()) {
                channel.queueDeclare(queue, true, false, false, null);
            }
            // untimed, a tenth as many first: the client is compiled, as the bundle is in its warm burst
            publishAll(connection, queue, messages / 10, body, window);
            double seconds = publishAll(connection, queue, messages, body, window);
            try (Channel channel = connection.createChannel()) {
                channel.queueDelete(queue);
            }
            return messages / seconds;
        }
    }

    /** Seconds from the first publish to the last confirm, on a channel of its own. */
    private static double publishAll(Connection connection, String queue, int messages, byte[] body, int window)
            throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            ConcurrentNavigableMap<Long, Boolean> unconfirmed = new ConcurrentSkipListMap<>();
            Semaphore room = new Semaphore(window);
            CountDownLatch done = new CountDownLatch(messages);
            AtomicInteger nacked = new AtomicInteger();
            channel.addConfirmListener(
                    (tag, multiple) -> settle(unconfirmed, tag, multiple, room, done),
                    (tag, multiple) -> nacked.addAndGet(settle(unconfirmed, tag, multiple, room, done)));
            AMQP.BasicProperties persistent = MessageProperties.PERSISTENT_BASIC.builder()
                    .contentType("application/cloudevents+json")
                    .build();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                room.acquire();
                unconfirmed.put(channel.getNextPublishSeqNo(), Boolean.TRUE);
                channel.basicPublish("", queue, persistent, body);
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(done.getCount() + " messages never confirmed");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (nacked.get() > 0) {
                throw new IllegalStateException(nacked.get() + " messages refused by the broker");
            }
            return seconds;
        }
    }

    /** Settles one confirm, or all up to {@code tag} for a multiple one: returns how many. */
    private static int settle(
            ConcurrentNavigableMap<Long, Boolean> unconfirmed,
            long tag,
            boolean multiple,
            Semaphore room,
            CountDownLatch done) {
        int settled = 0;
        if (multiple) {
            ConcurrentNavigableMap<Long, Boolean> upTo = unconfirmed.headMap(tag, true);
            settled = upTo.size();
            upTo.clear();
        } else if (unconfirmed.remove(tag) != null) {
            settled = 1;
        }
        room.release(settled);
        for (int i = 0; i < settled; i++) {
            done.countDown();
        }
        return settled;
    }
}
