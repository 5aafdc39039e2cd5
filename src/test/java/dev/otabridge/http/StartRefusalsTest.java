package dev.otabridge.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that would leave the server open, or not serving, stop the start with a message that names the setting. */
class StartRefusalsTest {

    @TempDir
    Path data;

    private String refusal(Map<String, String> settings) {
        Exception refused = assertThrows(Exception.class, () -> RunningBundle.start(data, settings).close());
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
        Path accounts = Files.writeString(data.resolve("accounts.json"),
                "{\"acounts\": [{\"accessKey\": \"a\", \"secret\": \"s\", \"permissions\": [\"OtaBridge/Admin\"]}]}");
        String message = refusal(Map.of("ota.security.accounts-file", accounts.toString()));
        assertTrue(message.contains("ota.security.accounts-file " + accounts + ": unknown key 'acounts' at the top level"), message);
    }

    @Test
    void anUnknownSecurityModeIsRefused() {
        String message = refusal(Map.of("ota.security.mode", "open"));
        assertTrue(message.contains("ota.security.mode is 'open': use auto, token, gateway or none"), message);
    }
}
