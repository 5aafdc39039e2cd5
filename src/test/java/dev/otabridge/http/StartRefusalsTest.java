package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings that would leave the server open, or not serving, stop the start with a message that names the setting. */
class StartRefusalsTest {

    @TempDir
    Path data;

    private String refusal(Map<String, String> settings) {
        Exception refused = assertThrows(
                Exception.class, () -> RunningBundle.start(data, settings).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void anOpenServerOnEveryInterfaceIsRefusedUnlessModeNoneIsChosenByName() {
        String message = refusal(Map.of("ota.http.host", "0.0.0.0"));
        assertTrue(message.contains("ota.http.host is 0.0.0.0 but no caller is authenticated"), message);
    }

    @Test
    void openManagementEndpointsAreRefusedToo() {
        String message = refusal(Map.of("ota.management.host", "0.0.0.0", "ota.management.port", "0"));
        assertTrue(message.contains("ota.management.host is 0.0.0.0 but no caller is authenticated"), message);
    }

    @Test
    void anAccountsFileWithAMistypedKeyIsRefused() throws Exception {
        Path accounts = Files.writeString(
                data.resolve("accounts.json"),
                "{\"acounts\": [{\"accessKey\": \"a\", \"secret\": \"s\", \"permissions\": [\"OtaBridge/Admin\"]}]}");
        String message = refusal(Map.of("ota.security.accounts-file", accounts.toString()));
        assertTrue(
                message.contains("ota.security.accounts-file " + accounts + ": unknown key 'acounts' at the top level"),
                message);
    }

    @Test
    void anUnknownSecurityModeIsRefused() {
        String message = refusal(Map.of("ota.security.mode", "open"));
        assertTrue(message.contains("ota.security.mode is 'open': use auto, token, gateway or none"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ota.http.port", "ota.management.port"})
    void aTakenPortStopsTheStartNamingItsSetting(String setting) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String message = refusal(Map.of(setting, String.valueOf(taken.getLocalPort())));
            assertTrue(
                    message.contains(setting + " " + taken.getLocalPort() + " on 127.0.0.1 cannot be bound"), message);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ota.sync.cloudevents.mode=json|ota.sync.cloudevents.mode must be structured or binary",
                "ota.sync.webhook.secret=hunter2|ota.sync.webhook.secret: each secret starts with whsec_",
                "ota.public-url=ota.example.com|ota.public-url must be an http or https address with a host",
                "ota.sync.source=not a uri|ota.sync.source is not a URI"
            })
    void eventSettingsThatCannotBeHonouredStopTheStart(String settingAndMessage) {
        String[] parts = settingAndMessage.split("\\|");
        String[] setting = parts[0].split("=", 2);
        String message = refusal(Map.of(setting[0], setting[1]));
        assertTrue(message.contains(parts[1]), message);
        assertTrue(!message.contains("hunter2"), "a refused secret is not repeated: " + message);
    }

    @Test
    void connectionLimitsBelowOneAreRefused() {
        String message = refusal(Map.of("ota.http.header-timeout-seconds", "0"));
        assertTrue(message.contains("ota.http.header-timeout-seconds is 0: it must be at least 1"), message);
    }

    @Test
    void modeNoneChosenByNameOpensEveryInterfaceButSaysSoLoudly() throws Exception {
        try (LogCapture log = new LogCapture();
                RunningBundle bundle =
                        RunningBundle.start(data, Map.of("ota.security.mode", "none", "ota.http.host", "0.0.0.0"))) {
            assertEquals(
                    200,
                    bundle.post(SearchApiHttpTest.DEVICES + "yourOrgId", "{}").statusCode());
            assertTrue(
                    log.lines().stream()
                            .anyMatch(line -> line.level() == Level.WARN
                                    && line.text()
                                            .startsWith("SECURITY: NONE on a non-loopback address "
                                                    + "({ota.http.host=0.0.0.0")),
                    log.lines().toString());
        }
    }
}
