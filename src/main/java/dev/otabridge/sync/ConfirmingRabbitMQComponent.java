package dev.otabridge.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.springrabbit.SpringRabbitMQComponent;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.apache.camel.component.springrabbit.SpringRabbitMQEndpoint;
import org.apache.camel.component.springrabbit.SpringRabbitMQProducer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * camel-spring-rabbitmq as the relay's {@code spring-rabbitmq:} targets use it, with one change: a
 * send with publisher confirms goes out on a few channels of the producer's own in confirm mode
 * ({@link ConfirmedChannels}) and completes when the broker confirms that message, without holding
 * a thread, so a relay batch is in flight at once. Messages are published mandatory, so one that no
 * queue takes fails instead of being confirmed and dropped; they carry only the headers the route
 * gave them (Spring AMQP's own correlation headers stay out). Every difference from upstream, and
 * its test: docs/decisions/0008-confirming-rabbitmq-producer.md.
 */
public final class ConfirmingRabbitMQComponent extends SpringRabbitMQComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        return new ConfirmingEndpoint(
                uri, this, (SpringRabbitMQEndpoint) super.createEndpoint(uri, remaining, parameters));
    }

    /** The component's own endpoint, configured from the URI as always, with the confirming producer. */
    private static final class ConfirmingEndpoint extends DefaultEndpoint implements DelegateEndpoint {
        private final SpringRabbitMQEndpoint configured;

        ConfirmingEndpoint(String uri, SpringRabbitMQComponent component, SpringRabbitMQEndpoint configured) {
            super(uri, component);
            this.configured = configured;
        }

        @Override
        public Endpoint getEndpoint() {
            return configured;
        }

        @Override
        public Producer createProducer() {
            return new ConfirmingProducer(configured);
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            return configured.createConsumer(processor);
        }

        @Override
        protected void doStart() throws Exception {
            ServiceHelper.startService(configured);
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(configured);
        }
    }

    private static final class ConfirmingProducer extends SpringRabbitMQProducer {
        /** Few: a channel carries any number of unconfirmed messages; several spread the broker's work. */
        private static final int CHANNELS = 4;

        private final MessagePropertiesConverter properties = new DefaultMessagePropertiesConverter();
        private ConfirmedChannels channels;
        private ExecutorService confirms;

        ConfirmingProducer(SpringRabbitMQEndpoint endpoint) {
            super(endpoint);
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            if (!(getEndpoint().getConnectionFactory() instanceof AbstractConnectionFactory factory)) {
                throw new IllegalStateException("a spring-rabbitmq target's connectionFactory must be a "
                        + "Spring AMQP CachingConnectionFactory, such as #rabbitConnectionFactory");
            }
            channels = new ConfirmedChannels(factory.getRabbitConnectionFactory(), CHANNELS);
            // routing goes on from here after a confirm: not on the AMQP client's thread, which reads the next confirms
            confirms = getEndpoint()
                    .getCamelContext()
                    .getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "rabbitmq-confirms");
        }

        @Override
        protected void doStop() throws Exception {
            super.doStop();
            channels.close();
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(confirms);
        }

        @Override
        protected boolean processInOnly(Exchange exchange, AsyncCallback callback) {
            SpringRabbitMQEndpoint endpoint = getEndpoint();
            if ("disabled".equalsIgnoreCase(endpoint.getConfirm())
                    || ("auto".equalsIgnoreCase(endpoint.getConfirm())
                            && !endpoint.getConnectionFactory().isPublisherConfirms())) {
                return super.processInOnly(exchange, callback);
            }
            CompletableFuture<Void> confirmed;
            try {
                Message message = message(exchange);
                confirmed = channels.next()
                        .publish(
                                exchangeName(exchange),
                                routingKey(exchange),
                                properties.fromMessageProperties(
                                        message.getMessageProperties(), StandardCharsets.UTF_8.name()),
                                message.getBody());
            } catch (IOException | TimeoutException | RuntimeException e) {
                exchange.setException(e);
                callback.done(true);
                return true;
            }
            long timeout = endpoint.getConfirmTimeout() > 0 ? endpoint.getConfirmTimeout() : Long.MAX_VALUE;
            confirmed
                    .orTimeout(timeout, TimeUnit.MILLISECONDS)
                    .whenCompleteAsync(
                            (result, error) -> {
                                if (error instanceof TimeoutException) {
                                    exchange.setException(
                                            new TimeoutException("no publisher confirm within " + timeout + " ms"));
                                } else if (error != null) {
                                    exchange.setException(error);
                                }
                                callback.done(false);
                            },
                            confirms);
            return false;
        }

        /** The stock producer's rules: the override header wins, and "default" names the default exchange. */
        private String exchangeName(Exchange exchange) {
            String name = exchange.getMessage()
                    .getHeader(
                            SpringRabbitMQConstants.EXCHANGE_OVERRIDE_NAME,
                            getEndpoint().getExchangeName(),
                            String.class);
            return "default".equals(name) ? "" : name;
        }

        private String routingKey(Exchange exchange) {
            return exchange.getMessage()
                    .getHeader(
                            SpringRabbitMQConstants.ROUTING_OVERRIDE_KEY,
                            getEndpoint().getRoutingKey(),
                            String.class);
        }

        private Message message(Exchange exchange) {
            Object body = exchange.getMessage().getBody();
            if (body instanceof Message message) {
                return message;
            }
            return getEndpoint()
                    .getMessageConverter()
                    .toMessage(
                            body, getEndpoint().getMessagePropertiesConverter().toMessageProperties(exchange));
        }
    }
}
