package dev.otabridge.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: bytes that are not UTF-8 are an error, never replaced with U+FFFD as the JDK's and Camel's conversions
 * do.
 */
final class Utf8 {

    private Utf8() {}

    /** @throws CharacterCodingException with {@code bytes} positioned at the first byte that is not UTF-8 */
    static String decode(ByteBuffer bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes)
                .toString();
    }
}
