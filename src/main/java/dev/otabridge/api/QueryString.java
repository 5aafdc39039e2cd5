package dev.otabridge.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** @throws ApiException a 99400 for malformed percent-encoding */
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

    /** Every parameter with its values, in the order received. */
    public Map<String, List<String>> all() {
        return Map.copyOf(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument("query", "malformed percent-encoding in the query string");
        }
    }
}
