package dev.otabridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An accounts file either yields accounts exactly as written or stops the start, naming the file and the problem. */
class AccountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("accounts.json"), content);
    }

    @Test
    void aWellFormedFileYieldsItsAccounts() throws Exception {
        Accounts accounts = Accounts.read(file("""
                {"accounts": [{"accessKey": "a", "secret": "s", "orgIds": ["o1"], "permissions": ["Firmware/Read"]},
                              {"accessKey": "b", "secret": "t", "orgIds": [], "permissions": []}]}"""), JSON);
        assertEquals(2, accounts.size());
        Account a = accounts.find("a").orElseThrow();
        assertEquals(Set.of("o1"), a.orgIds());
        assertEquals(Set.of(Permission.FIRMWARE_READ), a.permissions());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "mistyped top-level key | {\"acounts\": [{\"accessKey\": \"a\", \"secret\": \"s\"}]}"
                        + " | unknown key 'acounts' at the top level (known: accounts)",
                "no account             | {\"accounts\": []} | it names no account",
                "empty object           | {} | it names no account",
                "mistyped account key   | {\"accounts\": [{\"accessKey\": \"a\", \"secret\": \"s\", \"orgIDs\": "
                        + "[\"o1\"]}]}"
                        + " | unknown key 'orgIDs' at accounts[0] (known: accessKey, orgIds, permissions, secret)",
                "duplicate key          | {\"accounts\": [], \"accounts\": []} | it is not valid JSON at line 1, "
                        + "column",
                "trailing content       | {\"accounts\": [{\"accessKey\": \"a\", \"secret\": \"s\"}]} x | it is not "
                        + "valid JSON",
                "not JSON               | accounts: a | it is not valid JSON",
                "orgIds not a list      | {\"accounts\": [{\"accessKey\": \"a\", \"secret\": \"s\", \"orgIds\": "
                        + "{\"o\": 1}}]} | wrong type at accounts[0].orgIds",
                "missing secret         | {\"accounts\": [{\"accessKey\": \"a\"}]} | accounts[0].secret is missing",
                "unknown permission     | {\"accounts\": [{\"accessKey\": \"a\", \"secret\": \"s\", \"permissions\": "
                        + "[\"Firmware/Write\"]}]}"
                        + " | accounts[0].permissions: unknown permission 'Firmware/Write'",
                "an access key twice    | {\"accounts\": [{\"accessKey\": \"a\", \"secret\": \"s\"}, {\"accessKey\": "
                        + "\"a\", \"secret\": \"t\"}]}"
                        + " | accounts[1]: accessKey a appears twice",
            })
    void aFileThatIsNotExactlyRightStopsTheStart(String name, String content, String problem) throws Exception {
        Path file = file(content);
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Accounts.read(file, JSON));
        String message = refused.getMessage();
        String expectedStart = "ota.security.accounts-file " + file + ": " + problem;
        assertEquals(expectedStart, message.substring(0, Math.min(message.length(), expectedStart.length())), message);
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("no-such-file.json");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> Accounts.read(missing, JSON));
        assertEquals(
                "ota.security.accounts-file " + missing + ": it cannot be read (NoSuchFileException)",
                refused.getMessage());
    }
}
