package dev.otabridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.util.URISupport;

/**
 * The AsyncAPI 3.0 document of the configured targets: a channel per target (its topic, exchange
 * and routing key, or webhook URL, never its credentials or options), the message each transport
 * carries in the configured mode ({@link Transport}: headers and content type), and the payload's
 * JSON Schema ({@link EventSchema}). Made once at start: the targets do not change while running.
 */
public final class EventContract {

    /** A target URI may name the event type; in AsyncAPI that is a channel parameter. */
    private static final String TYPE_IN_URI = "${header." + EventMessage.TYPE + "}";

    private static final String TYPE_PARAMETER = "{eventType}";

    private static final String TYPE_TOKEN = "OTA-EVENT-TYPE";

    /** Where the brokers are, for the document's servers: the bundle's own settings. */
    public record Brokers(String kafka, String rabbitmqHost, int rabbitmqPort, String rabbitmqVirtualHost) {}

    private final ObjectMapper json;
    private final String document;

    public EventContract(
            ObjectMapper json,
            EventSchema schema,
            String targets,
            CloudEventsMode mode,
            boolean signedWebhooks,
            Brokers brokers) {
        this.json = json;
        ObjectNode root = json.createObjectNode();
        root.put("asyncapi", "3.0.0");
        root.putObject("info")
                .put("title", "OTA bridge: device upgrade events")
                .put("version", "1")
                .put(
                        "description",
                        "Every isUpgrading transition the bundle detects, as a CloudEvent in " + mode.setting()
                                + " mode, to every target; at least once, per device in order, with a stable id. "
                                + "The event schema: " + schema.url());
        ObjectNode servers = root.putObject("servers");
        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode components = root.putObject("components");
        components.putObject("schemas").set("DeviceUpgradeEvent", schema.embeddable());
        components.withObject("schemas").set("DeviceUpgradeEventData", schema.dataSchema());
        ObjectNode messages = components.putObject("messages");
        List<String> uris = Arrays.stream(targets.split(","))
                .map(String::trim)
                .filter(uri -> !uri.isEmpty())
                .toList();
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            Transport transport = Transport.of(uri);
            String name = "target" + (i + 1);
            String messageName = transport.name().toLowerCase(Locale.ROOT) + "Event";
            if (!messages.has(messageName)) {
                messages.set(messageName, message(transport, mode, signedWebhooks));
            }
            ObjectNode channel = channels.putObject(name);
            String server = server(servers, transport, uri, brokers, name);
            channel.put("address", address(transport, uri));
            if (server != null) {
                channel.putArray("servers").addObject().put("$ref", "#/servers/" + server);
            }
            if (uri.contains(TYPE_IN_URI)) {
                channel.putObject("parameters")
                        .putObject("eventType")
                        .put("description", "The event's type, which the target's URI names")
                        .set("enum", enumOfTypes());
            }
            channel.putObject("messages")
                    .putObject("deviceUpgradeEvent")
                    .put("$ref", "#/components/messages/" + messageName);
            ObjectNode bindings = channelBindings(transport, uri);
            if (bindings != null) {
                channel.set("bindings", bindings);
            }
            ObjectNode operation =
                    operations.putObject("send" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
            operation.put("action", "send");
            operation.put(
                    "summary",
                    "Each detected transition, at least once: the outbox retries it until this target acknowledges it");
            operation.putObject("channel").put("$ref", "#/channels/" + name);
            operation
                    .putArray("messages")
                    .addObject()
                    .put("$ref", "#/channels/" + name + "/messages/deviceUpgradeEvent");
            if (transport == Transport.HTTP) {
                operation
                        .putObject("bindings")
                        .putObject("http")
                        .put("method", "POST")
                        .put("bindingVersion", "0.3.0");
            }
        }
        try {
            this.document = json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the AsyncAPI document cannot be written", e);
        }
    }

    /** The document as served at {@code /asyncapi.json}. */
    public String document() {
        return document;
    }

    private ArrayNode enumOfTypes() {
        ArrayNode types = json.createArrayNode();
        for (DeviceEvent.Type type : DeviceEvent.Type.values()) {
            types.add(type.name());
        }
        return types;
    }

    private ObjectNode message(Transport transport, CloudEventsMode mode, boolean signedWebhooks) {
        ObjectNode message = json.createObjectNode();
        message.put("name", "DeviceUpgradeEvent");
        message.put("title", "A device's upgrade transition, " + transport.title() + ", " + mode.setting() + " mode");
        message.put("contentType", transport.contentType(mode));
        Map<String, String> headers = new LinkedHashMap<>(transport.headers(placeholder(false), mode));
        // only on a traced bundle's messages: the sending span's context, and the detection's in binary mode
        Map<String, String> traced = new LinkedHashMap<>(transport.headers(placeholder(true), mode));
        traced.keySet().removeAll(headers.keySet());
        traced.put(DetectionTraceParent.HEADER, "W3C trace context of the span that sent this message, when traced");
        if (transport == Transport.HTTP && signedWebhooks) {
            headers.put(WebhookSignature.ID, "the event's id");
            headers.put(WebhookSignature.TIMESTAMP, "seconds since the epoch at this delivery attempt");
            headers.put(WebhookSignature.SIGNATURE, "v1, and the base64 HMAC-SHA256 of id.timestamp.body");
        }
        ObjectNode schema = message.putObject("headers");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        headers.forEach((header, value) -> {
            ObjectNode property = properties.putObject(header);
            if (header.equalsIgnoreCase("content-type")) {
                property.put("const", value);
            } else {
                property.put("type", "string").put("description", value);
            }
            required.add(header);
        });
        traced.forEach((header, value) ->
                properties.putObject(header).put("type", "string").put("description", value));
        message.putObject("payload")
                .put(
                        "$ref",
                        mode == CloudEventsMode.STRUCTURED
                                ? "#/components/schemas/DeviceUpgradeEvent"
                                : "#/components/schemas/DeviceUpgradeEventData");
        if (transport == Transport.KAFKA) {
            message.putObject("bindings")
                    .putObject("kafka")
                    .put("bindingVersion", "0.5.0")
                    .putObject("key")
                    .put("type", "string")
                    .put("description", "orgId/assetId: a device's events share a partition, in order");
        }
        if (transport == Transport.AMQP) {
            message.putObject("bindings")
                    .putObject("amqp")
                    .put("bindingVersion", "0.3.0")
                    .put("messageType", "the event's type (the AMQP type property); message_id is the event's id");
        }
        return message;
    }

    /** An event whose attributes are their own descriptions, to name each header's content. */
    private static PublishedEvent placeholder(boolean traced) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : PublishedEvent.ATTRIBUTES) {
            attributes.put(attribute, "the event's " + attribute + " attribute");
        }
        if (traced) {
            attributes.put(
                    PublishedEvent.TRACE_PARENT,
                    "CloudEvents distributed tracing: the W3C trace context the event was detected in, when traced");
        }
        return new PublishedEvent(attributes, "", "", "");
    }

    private static String address(Transport transport, String uri) {
        String path = path(uri).replace(TYPE_IN_URI, TYPE_PARAMETER);
        return switch (transport) {
            case KAFKA -> path;
            case AMQP -> path + "/" + option(uri, "routingKey", "");
            case HTTP -> url(uri).getRawPath().replace(TYPE_TOKEN, TYPE_PARAMETER);
            case CAMEL -> uri.substring(0, uri.indexOf(':')) + ":" + path;
        };
    }

    private static String server(ObjectNode servers, Transport transport, String uri, Brokers brokers, String name) {
        switch (transport) {
            case KAFKA -> {
                servers.putObject("kafka")
                        .put("host", option(uri, "brokers", brokers.kafka()))
                        .put("protocol", "kafka");
                return "kafka";
            }
            case AMQP -> {
                servers.putObject("rabbitmq")
                        .put("host", brokers.rabbitmqHost() + ":" + brokers.rabbitmqPort())
                        .put("pathname", brokers.rabbitmqVirtualHost())
                        .put("protocol", "amqp")
                        .put("protocolVersion", "0.9.1");
                return "rabbitmq";
            }
            case HTTP -> {
                URI url = url(uri);
                int port = url.getPort();
                servers.putObject(name)
                        .put("host", url.getHost() + (port > 0 ? ":" + port : ""))
                        .put("protocol", url.getScheme())
                        .put("description", "a webhook receiver");
                return name;
            }
            default -> {
                return null;
            }
        }
    }

    private ObjectNode channelBindings(Transport transport, String uri) {
        ObjectNode bindings = json.createObjectNode();
        switch (transport) {
            case KAFKA ->
                bindings.putObject("kafka")
                        .put("topic", path(uri).replace(TYPE_IN_URI, TYPE_PARAMETER))
                        .put("bindingVersion", "0.5.0");
            case AMQP -> {
                ObjectNode amqp = bindings.putObject("amqp").put("is", "routingKey");
                amqp.putObject("exchange")
                        .put("name", path(uri).replace(TYPE_IN_URI, TYPE_PARAMETER))
                        .put("type", option(uri, "exchangeType", "direct"))
                        .put("durable", true);
                amqp.put("bindingVersion", "0.3.0");
            }
            default -> {
                return null;
            }
        }
        return bindings;
    }

    /** The URI without its options: a topic, an exchange, an endpoint's name. */
    private static String path(String uri) {
        String withoutOptions = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        return withoutOptions.substring(withoutOptions.indexOf(':') + 1);
    }

    /** A webhook's URL without its user info and query; the event type in it as a placeholder. */
    private static URI url(String uri) {
        URI url = URI.create(uri.replace(TYPE_IN_URI, TYPE_TOKEN));
        return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath()));
    }

    private static String option(String uri, String name, String otherwise) {
        try {
            Object value = URISupport.parseQuery(uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "")
                    .get(name);
            return value == null ? otherwise : value.toString().replace(TYPE_IN_URI, TYPE_PARAMETER);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("ota.sync.targets: the options of '" + uri + "' do not parse", e);
        }
    }
}
