package dev.otabridge.sync;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The result of a relay pass's split: the events every target acknowledged, as a list, which the
 * pass then marks delivered in one statement. A delivery that failed, or that shutdown skipped,
 * adds nothing. The list is gathered on the pass's own exchange, never on a delivery's: a delivery
 * whose failure its error handler took must not end the pass.
 */
public final class AcknowledgedEvents implements AggregationStrategy {

    /** Set by a delivery once every target has acknowledged its event. */
    public static final String PROPERTY = "acknowledgedEvent";

    private static final String GATHERED = "acknowledgedEvents";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        throw new UnsupportedOperationException("a relay pass gathers its acknowledgements on its own exchange");
    }

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange delivery, Exchange pass) {
        OutboxEvent event = delivery.getProperty(PROPERTY, OutboxEvent.class);
        if (event != null) {
            gathered(pass).add(event);
        }
        return pass;
    }

    @Override
    public void onCompletion(Exchange exchange, Exchange pass) {
        pass.getMessage().setBody(gathered(pass));
        pass.removeProperty(GATHERED);
    }

    @SuppressWarnings("unchecked")
    private static List<OutboxEvent> gathered(Exchange pass) {
        List<OutboxEvent> events = pass.getProperty(GATHERED, List.class);
        if (events == null) {
            events = new ArrayList<>();
            pass.setProperty(GATHERED, events);
        }
        return events;
    }
}
