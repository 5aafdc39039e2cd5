package dev.otabridge.bench;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's own pace, the relay's limit there: the Kafka client sending as many records as the burst
 * with the producer settings the bundle gives camel-kafka (acknowledged by all in-sync replicas,
 * idempotent, no linger), keyed by as many devices, every send in flight at once as the client
 * buffers it, timed from the first send to the last acknowledgement, after an untimed warm-up.
 */
final class RawKafkaProducer {

    private RawKafkaProducer() {}

    static double perSecond(String bootstrap, String topic, int records, byte[] value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            // untimed, a tenth as many first: the client is compiled and has the topic's metadata,
            // as the bundle's producer has them in its warm burst
            sendAll(producer, topic, records / 10, value);
            long start = System.nanoTime();
            sendAll(producer, topic, records, value);
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void sendAll(KafkaProducer<String, byte[]> producer, String topic, int records, byte[] value)
            throws InterruptedException {
        CountDownLatch acknowledged = new CountDownLatch(records);
        AtomicReference<Exception> failed = new AtomicReference<>();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "o%07d/a%07d".formatted(i % 100, i), value), (meta, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                }
                acknowledged.countDown();
            });
        }
        if (!acknowledged.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(acknowledged.getCount() + " records never acknowledged");
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the broker refused a record", failed.get());
        }
    }
}
