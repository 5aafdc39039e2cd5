package dev.otabridge.sync;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The recipient list's {@code onPrepare}: gives each target's copy of a delivery the message of its
 * transport's CloudEvents binding in the configured mode ({@link Transport}), and signs it when the
 * target is a webhook and a secret is set. Nothing of the relay's own headers reaches a target.
 */
public final class EventBindings implements Processor {

    private final CloudEventsMode mode;
    private final WebhookSignature webhooks;
    private final Clock clock;

    /** @param webhooks null when HTTP targets are not signed */
    public EventBindings(CloudEventsMode mode, WebhookSignature webhooks, Clock clock) {
        this.mode = mode;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public CloudEventsMode mode() {
        return mode;
    }

    public boolean signsWebhooks() {
        return webhooks != null;
    }

    @Override
    public void process(Exchange copy) {
        Transport transport = Transport.of(copy.getProperty(ExchangePropertyKey.TO_ENDPOINT, String.class));
        PublishedEvent event = copy.getProperty(EventMessage.EVENT, PublishedEvent.class);
        Message message = copy.getMessage();
        transport.write(message, event, mode);
        if (transport == Transport.HTTP && webhooks != null) {
            webhooks.headers(event.id(), clock.instant().getEpochSecond(), message.getBody(byte[].class))
                    .forEach(message::setHeader);
        }
    }
}
