package dev.otabridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md's reference and application.properties name the same keys with the same defaults. */
class ConfigReferenceTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `(ota\\.[^`]+)` \\| (`([^`]*)`|empty) \\|", Pattern.MULTILINE);

    @Test
    void everyOtaSettingIsDocumentedWithItsDefault() throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(in);
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (row.find()) {
            String key = row.group(1);
            documented.add(key);
            String readmeDefault = row.group(3) == null ? "" : row.group(3);
            assertTrue(
                    properties.containsKey(key),
                    "docs/configuration.md documents " + key + ", which application." + "properties lacks");
            assertEquals(properties.getProperty(key), readmeDefault, "default of " + key);
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("ota."))
                .forEach(keys::add);
        assertEquals(keys, documented);
    }
}
