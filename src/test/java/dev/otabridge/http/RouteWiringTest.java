package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every route file under routes/ on the real configuration: each of its routes is made at start,
 * and a route that names a permission, bean or method that does not exist stops the start with a
 * message naming it, where it would otherwise answer its requests with 99500.
 */
class RouteWiringTest {

    @TempDir
    Path data;

    @TempDir
    Path routes;

    private static Path packagedRoutes() throws URISyntaxException {
        return Path.of(RouteWiringTest.class
                        .getResource("/routes/enos-envelope.yaml")
                        .toURI())
                .getParent();
    }

    /** The ids of the routes a YAML file defines: plain routes, templated routes and the REST DSL's verbs. */
    private static List<String> routeIds(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        String item = "";
        boolean named = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("- ")) {
                item = line.trim();
                named = false;
            } else if (item.equals("- route:") && !named && line.startsWith("    id: ")) {
                ids.add(line.substring(8).trim());
                named = true;
            } else if (item.equals("- templatedRoute:") && line.startsWith("    routeId: ")) {
                ids.add(line.substring(13).trim());
            } else if (item.equals("- rest:") && line.startsWith("        routeId: ")) {
                ids.add(line.substring(17).trim());
            }
        }
        return ids;
    }

    @Test
    void everyRouteOfEveryFileIsMadeAtStart() throws Exception {
        Set<String> defined = new TreeSet<>();
        try (Stream<Path> files = Files.list(packagedRoutes())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                defined.addAll(routeIds(file));
            }
        }
        assertTrue(defined.size() > 30, "the route files define " + defined);
        try (RunningBundle bundle = RunningBundle.start(data, Map.of())) {
            // besides those of the files, the REST DSL's own route serving /openapi.json
            Set<String> made = bundle.context().getRoutes().stream()
                    .filter(route -> !route.getEndpoint().getEndpointUri().startsWith("rest-api:"))
                    .map(Route::getRouteId)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(defined, made);
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "search-api.yaml     | value: Firmware/Read OTA | value: Firmware/Reads OTA | unknown permission "
                        + "'Firmware/Reads OTA'",
                "event-feed.yaml     | ref: feedRequests        | ref: feedRequest         | No bean could be found "
                        + "in the registry for: feedRequest",
                "store-load.yaml     | method: upsert           | method: upsertAll        | Method with name: "
                        + "upsertAll not found",
                "upstream-mirror.yaml| method: needsToken       | method: needToken        | Method with name: "
                        + "needToken not found",
            })
    void aRouteNamingWhatDoesNotExistStopsTheStart(String file, String written, String mistyped, String message)
            throws Exception {
        try (Stream<Path> files = Files.list(packagedRoutes())) {
            for (Path source : files.toList()) {
                Files.copy(source, routes.resolve(source.getFileName()));
            }
        }
        String text = Files.readString(routes.resolve(file));
        assertTrue(text.contains(written), file + " no longer holds " + written);
        Files.writeString(routes.resolve(file), text.replace(written, mistyped));
        Exception refused = assertThrows(Exception.class, () -> RunningBundle.start(
                        data, Map.of("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml"))
                .close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(message), messages.toString());
    }
}
