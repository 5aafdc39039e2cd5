package dev.otabridge.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service accounts, read from a JSON file at start so they change without a rebuild:
 * <pre>
 * {"accounts": [{"accessKey": "app-1", "secret": "...", "orgIds": ["o1"],
 *                "permissions": ["Firmware/Read", "Firmware/Read OTA"]}]}
 * </pre>
 */
public final class Accounts {

    private final Map<String, Account> byKey;

    private Accounts(Map<String, Account> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static Accounts none() {
        return new Accounts(Map.of());
    }

    public static Accounts read(Path file, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(Files.readString(file));
        Map<String, Account> accounts = new HashMap<>();
        int i = 0;
        for (JsonNode node : root.path("accounts")) {
            String where = file + ": accounts[" + i++ + "]";
            String key = required(node, "accessKey", where);
            String secret = required(node, "secret", where);
            Set<String> orgs = new HashSet<>();
            node.path("orgIds").forEach(o -> orgs.add(o.asText()));
            Set<Permission> permissions = new HashSet<>();
            for (JsonNode p : node.path("permissions")) {
                permissions.add(Permission.named(p.asText())
                        .orElseThrow(() -> new IllegalArgumentException(where + ": unknown permission '" + p.asText() + "'")));
            }
            if (accounts.put(key, new Account(key, secret, orgs, permissions)) != null) {
                throw new IllegalArgumentException(where + ": accessKey " + key + " appears twice");
            }
        }
        return new Accounts(accounts);
    }

    public Optional<Account> find(String accessKey) {
        return Optional.ofNullable(accessKey == null ? null : byKey.get(accessKey));
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public int size() {
        return byKey.size();
    }

    private static String required(JsonNode node, String name, String where) {
        String value = node.path(name).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + name + " is missing");
        }
        return value;
    }
}
