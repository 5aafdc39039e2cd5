package dev.otabridge.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.otabridge.api.JsonBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service accounts, read from a JSON file at start so they change without a rebuild:
 * <pre>
 * {"accounts": [{"accessKey": "app-1", "secret": "...", "orgIds": ["o1"],
 *                "permissions": ["Firmware/Read", "Firmware/Read OTA"]}]}
 * </pre>
 * The file is read strictly: a key it does not know, a duplicated key or a file without a single
 * account stops the start, because a mistyped file must never leave the API open.
 */
public final class Accounts {

    /** The file's shape, as Jackson binds it; an unknown key anywhere fails the binding. */
    private record File(List<Entry> accounts) {}

    private record Entry(String accessKey, String secret, List<String> orgIds, List<String> permissions) {}

    private final Map<String, Account> byKey;

    private Accounts(Map<String, Account> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static Accounts none() {
        return new Accounts(Map.of());
    }

    /**
     * @throws IllegalArgumentException naming the file and what is wrong with it: unreadable, not
     *                                  JSON, an unknown or duplicated key, a missing field, an
     *                                  unknown permission, an access key twice, or no account
     */
    public static Accounts read(Path file, ObjectMapper json) {
        File content = parse(file, json);
        if (content == null || content.accounts() == null || content.accounts().isEmpty()) {
            throw invalid(
                    file,
                    "it names no account: write {\"accounts\": [{\"accessKey\", \"secret\", \"orgIds\", "
                            + "\"permissions\"}]}");
        }
        Map<String, Account> accounts = new HashMap<>();
        for (int i = 0; i < content.accounts().size(); i++) {
            String where = "accounts[" + i + "]";
            Entry entry = content.accounts().get(i);
            if (entry == null) {
                throw invalid(file, where + " is null");
            }
            String key = required(file, entry.accessKey(), where + ".accessKey");
            String secret = required(file, entry.secret(), where + ".secret");
            Set<String> orgs = new HashSet<>(entry.orgIds() == null ? List.of() : entry.orgIds());
            Set<Permission> permissions = new HashSet<>();
            for (String p : entry.permissions() == null ? List.<String>of() : entry.permissions()) {
                permissions.add(Permission.named(p)
                        .orElseThrow(() -> invalid(
                                file,
                                where + ".permissions: unknown permission '" + p + "' (known: " + Permission.names()
                                        + ")")));
            }
            if (accounts.put(key, new Account(key, secret, orgs, permissions)) != null) {
                throw invalid(file, where + ": accessKey " + key + " appears twice");
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

    private static File parse(Path file, ObjectMapper json) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw invalid(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        ObjectMapper strict = JsonBody.strict(json).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return strict.readValue(text, File.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(
                    file,
                    "unknown key '" + e.getPropertyName() + "' at " + path(e) + " (known: "
                            + e.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")");
        } catch (JsonMappingException e) {
            throw invalid(
                    file,
                    "wrong type at " + path(e) + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw invalid(
                    file,
                    "it is not valid JSON" + at + ": " + e.getOriginalMessage().split("\n")[0]);
        }
    }

    /** Where in the file a binding failed, as accounts[2].orgIds; an unknown key names its parent. */
    private static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> steps = e.getPath();
        int end = e instanceof UnrecognizedPropertyException ? steps.size() - 1 : steps.size();
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : steps.subList(0, Math.max(0, end))) {
            path.append(
                    step.getIndex() >= 0
                            ? "[" + step.getIndex() + "]"
                            : (path.isEmpty() ? "" : ".") + step.getFieldName());
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String required(Path file, String value, String where) {
        if (value == null || value.isBlank()) {
            throw invalid(file, where + " is missing");
        }
        return value;
    }

    private static IllegalArgumentException invalid(Path file, String problem) {
        return new IllegalArgumentException("ota.security.accounts-file " + file + ": " + problem);
    }
}
