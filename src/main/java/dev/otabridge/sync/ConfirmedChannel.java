package dev.otabridge.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An AMQP channel in confirm mode that publishes mandatory messages and completes each one's future
 * when the broker confirms it: with streaming confirms, as many messages may be unconfirmed at once
 * as are sent. A returned message (no queue took it) fails at its confirm; so does a negative
 * confirm, and every unconfirmed message when the channel closes.
 */
final class ConfirmedChannel implements ConfirmListener, ReturnListener, ShutdownListener {

    private final Channel channel;
    private final ConcurrentNavigableMap<Long, Unconfirmed> unconfirmed = new ConcurrentSkipListMap<>();

    ConfirmedChannel(Channel channel) throws IOException {
        this.channel = channel;
        channel.confirmSelect();
        channel.addConfirmListener(this);
        channel.addReturnListener(this);
        channel.addShutdownListener(this);
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Publishes; the future completes with the broker's confirm, or fails. */
    synchronized CompletableFuture<Void> publish(
            String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) throws IOException {
        long sequence = channel.getNextPublishSeqNo();
        Unconfirmed message = new Unconfirmed(properties.getMessageId(), exchange, routingKey);
        unconfirmed.put(sequence, message);
        try {
            channel.basicPublish(exchange, routingKey, true, properties, body);
        } catch (IOException | RuntimeException e) {
            unconfirmed.remove(sequence);
            throw e;
        }
        return message.confirmed;
    }

    @Override
    public void handleAck(long sequence, boolean multiple) {
        settle(sequence, multiple, null);
    }

    @Override
    public void handleNack(long sequence, boolean multiple) {
        settle(sequence, multiple, "the broker refused the message (a negative confirm)");
    }

    /** The broker returns a message before it confirms it. */
    @Override
    public void handleReturn(
            int replyCode,
            String replyText,
            String exchange,
            String routingKey,
            AMQP.BasicProperties properties,
            byte[] body) {
        Return returned = new Return(replyCode, replyText, exchange, routingKey, properties, body);
        unconfirmed.values().stream()
                .filter(m -> m.returned == null && m.isOf(returned))
                .findFirst()
                .ifPresent(m -> m.returned = "no queue took the message (" + replyCode + " " + replyText
                        + ", exchange '" + exchange + "', routing key '" + routingKey + "')");
    }

    @Override
    public void shutdownCompleted(ShutdownSignalException cause) {
        for (Map.Entry<Long, Unconfirmed> entry : unconfirmed.entrySet()) {
            if (unconfirmed.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().confirmed.completeExceptionally(cause);
            }
        }
    }

    private void settle(long sequence, boolean multiple, String refusal) {
        Map<Long, Unconfirmed> settled =
                multiple ? unconfirmed.headMap(sequence, true) : unconfirmed.subMap(sequence, true, sequence, true);
        for (Map.Entry<Long, Unconfirmed> entry : settled.entrySet()) {
            if (unconfirmed.remove(entry.getKey(), entry.getValue())) {
                Unconfirmed message = entry.getValue();
                String failure = refusal != null ? refusal : message.returned;
                if (failure == null) {
                    message.confirmed.complete(null);
                } else {
                    message.confirmed.completeExceptionally(new IllegalStateException(failure));
                }
            }
        }
    }

    private static final class Unconfirmed {
        private final String messageId;
        private final String exchange;
        private final String routingKey;
        private final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        private volatile String returned;

        Unconfirmed(String messageId, String exchange, String routingKey) {
            this.messageId = messageId;
            this.exchange = exchange;
            this.routingKey = routingKey;
        }

        boolean isOf(Return returned) {
            return Objects.equals(messageId, returned.getProperties().getMessageId())
                    && exchange.equals(returned.getExchange())
                    && routingKey.equals(returned.getRoutingKey());
        }
    }
}
