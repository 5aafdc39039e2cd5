package dev.otabridge.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * A request's body as text. JSON travels as UTF-8; bytes that are not UTF-8 are refused, where
 * Camel's own conversion would replace them with U+FFFD and the store would keep a value nobody sent.
 */
public final class RequestBody {

    private RequestBody() {}

    /**
     * Replaces the body's bytes with their text.
     *
     * @throws ApiException a 99400 on parameter {@code body} naming the first byte that is not UTF-8
     */
    public static void requireUtf8(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getBody() == null || message.getBody() instanceof String) {
            return;
        }
        byte[] bytes = message.getBody(byte[].class);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        try {
            message.setBody(Utf8.decode(input));
        } catch (CharacterCodingException e) {
            throw ApiException.invalidArgument(
                    "body", "the body is not UTF-8 (byte " + (input.position() + 1) + " of " + bytes.length + ")");
        }
    }
}
