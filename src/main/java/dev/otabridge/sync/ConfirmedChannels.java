package dev.otabridge.sync;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * A few {@link ConfirmedChannel}s on one connection of their own, handed out in turn. A closed
 * channel or connection (a broker restart, a channel error) is replaced by the next send that
 * needs it; what was unconfirmed on it has failed by then and goes back to the outbox's retries.
 */
final class ConfirmedChannels implements AutoCloseable {

    private static final int CLOSE_TIMEOUT_MILLIS = 2_000;

    private final ConnectionFactory factory;
    private final ConfirmedChannel[] channels;
    private Connection connection;
    private int next;

    /** @param factory not changed: the connection is made from a copy without automatic recovery */
    ConfirmedChannels(ConnectionFactory factory, int size) {
        this.factory = factory.clone();
        // a recovered channel would renumber its confirms; a send on a closed one fails and is retried
        this.factory.setAutomaticRecoveryEnabled(false);
        this.channels = new ConfirmedChannel[size];
    }

    synchronized ConfirmedChannel next() throws IOException, TimeoutException {
        if (connection == null || !connection.isOpen()) {
            connection = factory.newConnection("ota-bridge-relay");
            Arrays.fill(channels, null);
        }
        int index = next;
        next = (next + 1) % channels.length;
        if (channels[index] == null || !channels[index].isOpen()) {
            com.rabbitmq.client.Channel channel = connection.createChannel();
            if (channel == null) {
                throw new IOException("the broker allows no further channel on the relay's connection");
            }
            channels[index] = new ConfirmedChannel(channel);
        }
        return channels[index];
    }

    /**
     * Closing the connection fails what is unconfirmed on its channels. A broker that withholds
     * its answers (a memory alarm) gets a bounded wait, not the rest of the shutdown.
     */
    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.abort(CLOSE_TIMEOUT_MILLIS);
        }
    }
}
