package dev.otabridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.otabridge.http.RunningBundle;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes and deploy/systemd agree with the bundle: every variable they set is a setting,
 * their ports are the ones those settings give, the probes' paths answer on the management port of
 * a running bundle, they give a stop more time than the bundle's graceful shutdown takes, and they
 * start the artifact with the shipped JVM options.
 */
class DeploymentFilesTest {

    private static final Path KUBERNETES = Path.of("deploy", "kubernetes", "ota-bridge.yaml");
    private static final Path SYSTEMD = Path.of("deploy", "systemd", "ota-bridge.service");

    @TempDir
    Path data;

    private static Map<String, JsonNode> kubernetes() throws Exception {
        Map<String, JsonNode> byKindAndName = new HashMap<>();
        for (JsonNode document : new YAMLMapper()
                .readValues(new YAMLMapper().createParser(KUBERNETES.toFile()), JsonNode.class)
                .readAll()) {
            byKindAndName.put(
                    document.get("kind").textValue() + "/"
                            + document.at("/metadata/name").textValue(),
                    document);
        }
        return byKindAndName;
    }

    private static JsonNode container() throws Exception {
        return kubernetes().get("Deployment/ota-bridge").at("/spec/template/spec/containers/0");
    }

    private static Map<String, String> containerEnvironment() throws Exception {
        Map<String, String> environment = new HashMap<>();
        for (JsonNode variable : container().get("env")) {
            environment.put(
                    variable.get("name").textValue(), variable.path("value").asText(null));
        }
        return environment;
    }

    private static Map<String, String> unitEnvironment() throws Exception {
        return Files.readAllLines(SYSTEMD).stream()
                .filter(line -> line.startsWith("Environment="))
                .map(line -> line.substring("Environment=".length()).split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static String unitValue(String key) throws Exception {
        return Files.readAllLines(SYSTEMD).stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError(SYSTEMD + " has no " + key));
    }

    private static Properties settings() throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyVariableTheySetIsASettingOfTheBundle() throws Exception {
        Set<String> settings = settings().stringPropertyNames().stream()
                .filter(key -> key.startsWith("ota."))
                .map(key -> key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))
                .collect(Collectors.toSet());
        String logging = Files.readString(Path.of("src", "main", "resources", "log4j2.properties"));
        Set<String> unknown = new TreeSet<>();
        Set<String> variables = new TreeSet<>(containerEnvironment().keySet());
        variables.addAll(unitEnvironment().keySet());
        for (String variable : variables) {
            if (!settings.contains(variable) && !logging.contains("${env:" + variable + ":")) {
                unknown.add(variable);
            }
        }
        assertTrue(unknown.isEmpty(), "set, but no setting of the bundle: " + unknown);
    }

    @Test
    void thePortsAreTheOnesTheSettingsGiveAndTheServicesAndBudgetFindThePods() throws Exception {
        Map<String, String> environment = containerEnvironment();
        Map<String, Integer> ports = new HashMap<>();
        container()
                .get("ports")
                .forEach(p -> ports.put(
                        p.get("name").textValue(), p.get("containerPort").intValue()));
        assertEquals(
                Map.of(
                        "http",
                        Integer.valueOf(environment.get("OTA_HTTP_PORT")),
                        "management",
                        Integer.valueOf(environment.get("OTA_MANAGEMENT_PORT"))),
                ports);
        assertEquals(environment.get("OTA_MANAGEMENT_PORT"), unitEnvironment().get("OTA_MANAGEMENT_PORT"));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals(
                    "management", container().at("/" + probe + "/httpGet/port").textValue(), probe);
        }
        Map<String, JsonNode> objects = kubernetes();
        JsonNode podLabels = objects.get("Deployment/ota-bridge").at("/spec/template/metadata/labels");
        assertEquals(podLabels, objects.get("Deployment/ota-bridge").at("/spec/selector/matchLabels"));
        assertEquals(podLabels, objects.get("PodDisruptionBudget/ota-bridge").at("/spec/selector/matchLabels"));
        for (String service : List.of("Service/ota-bridge", "Service/ota-bridge-management")) {
            assertEquals(podLabels, objects.get(service).at("/spec/selector"), service);
            objects.get(service)
                    .at("/spec/ports")
                    .forEach(p -> assertTrue(
                            ports.containsKey(p.get("targetPort").textValue()),
                            service + " targets " + p.get("targetPort")));
        }
    }

    @Test
    void theProbesAnswerOnTheManagementPortOfARunningBundle() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.demo-data", ""))) {
            HttpClient client = HttpClient.newHttpClient();
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                URI uri = bundle.management(
                        container().at("/" + probe + "/httpGet/path").textValue());
                // ready once every consumer has polled: wait for it, as Kubernetes does
                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                                                .statusCode()
                                        == 200);
            }
        }
    }

    @Test
    void aStopGetsMoreTimeThanTheGracefulShutdownTakes() throws Exception {
        int shutdown = Integer.parseInt(settings().getProperty("ota.shutdown-timeout-seconds"));
        int kubernetes = kubernetes()
                .get("Deployment/ota-bridge")
                .at("/spec/template/spec/terminationGracePeriodSeconds")
                .intValue();
        int systemd = Integer.parseInt(unitValue("TimeoutStopSec"));
        assertTrue(kubernetes > shutdown, "terminationGracePeriodSeconds " + kubernetes + " <= " + shutdown);
        assertTrue(systemd > shutdown, "TimeoutStopSec " + systemd + " <= " + shutdown);
        assertEquals("SIGTERM", unitValue("KillSignal"));
    }

    @Test
    void bothStartTheArtifactWithTheShippedJvmOptionsAndClassDataArchive() throws Exception {
        assertTrue(Files.exists(Path.of("src", "main", "jvm", "jvm.options")));
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<finalName>ota-bridge</finalName>"), "the artifact is ota-bridge.jar");
        List<String> command = new java.util.ArrayList<>();
        container().get("command").forEach(part -> command.add(part.textValue()));
        assertEquals(
                List.of(
                        "java",
                        "@/opt/ota-bridge/jvm.options",
                        "-XX:SharedArchiveFile=/opt/ota-bridge/ota-bridge.jsa",
                        "-jar",
                        "/opt/ota-bridge/ota-bridge.jar"),
                command);
        assertEquals("/usr/bin/" + String.join(" ", command), unitValue("ExecStart"));
        // the class-data archive names the jar relative to the folder it was built in (ClassDataArchive.java)
        assertEquals("/opt/ota-bridge", container().get("workingDir").textValue());
        assertEquals("/opt/ota-bridge", unitValue("WorkingDirectory"));
    }
}
