package dev.otabridge.api;

import dev.otabridge.store.StoredText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request's query string, read from the raw query rather than from message headers: platform-http
 * merges HTTP headers and query parameters into one map, where a header could stand in for a
 * parameter.
 */
public final class QueryString {

    private final Map<String, List<String>> parameters;

    private QueryString(Map<String, List<String>> parameters) {
        this.parameters = parameters;
    }

    /** @throws ApiException a 99400 for malformed percent-encoding or bytes that are not UTF-8 */
    public static QueryString parse(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryString(parameters);
    }

    /**
     * The parameter's one value, or null when it is absent.
     *
     * @throws ApiException a 99400 when the parameter is given more than once
     */
    public String single(String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.invalidArgument(name, name + " is given more than once");
        }
        return values.get(0);
    }

    /**
     * Refuses a parameter not in {@code known}: an endpoint that ignored one (a mistyped filter) would
     * answer more than was asked. {@code takes} says what the endpoint does take.
     */
    public void refuseOtherThan(Set<String> known, String takes) {
        for (String name : all().keySet()) {
            if (!known.contains(name)) {
                throw ApiException.invalidArgument("query", "unknown parameter; " + takes);
            }
        }
    }

    /** A parameter that names an organization, product or device, when given: refused unless it could be one. */
    public Optional<String> identifier(String name) {
        String value = single(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > StoredText.ID_LENGTH || StoredText.firstNotText(value) >= 0) {
            throw ApiException.invalidArgument(
                    name, name + " must be at most " + StoredText.ID_LENGTH + " printable characters");
        }
        return Optional.of(value);
    }

    /** Every parameter with its values, in the order received. */
    public Map<String, List<String>> all() {
        return Map.copyOf(parameters);
    }

    /** Percent-decoding as URLDecoder does it, but invalid UTF-8 is refused instead of replaced. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    throw ApiException.invalidArgument("query", "malformed percent-encoding in the query string");
                }
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                int end = text.indexOf('%', i) < 0 ? text.length() : text.indexOf('%', i);
                bytes.writeBytes(text.substring(i, end).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return Utf8.decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            throw ApiException.invalidArgument("query", "the query string is not UTF-8 once percent-decoded");
        }
    }
}
