package dev.otabridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values computed outside Java: printf '%s' parts... | sha256sum. */
class SignaturesTest {

    @Test
    void tokenEncryptionIsSha256OfKeyTimestampSecret() {
        assertEquals(
                "27225a315bed1c9447d3edeb52ce8d9bd9515c9f8774fdd804231c33def3f1ef",
                Signatures.encryption("app1", "1700000000000", "secret1"));
    }

    @Test
    void requestSignatureSortsQueryParametersByNameThenAddsTheBody() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("orgId", List.of("o1"));
        query.put("action", List.of("search"));
        assertEquals(
                "2d3b838b94ef105e0af4fc925ee30d58678c4a000508b38b8f9f527dc26159b8",
                Signatures.request("tok", query, "{\"a\":1}", "1700000000000", "secret1"));
    }

    @Test
    void comparisonNeedsEveryCharacter() {
        assertTrue(Signatures.same("abc", "abc"));
        assertFalse(Signatures.same("abc", "abd"));
        assertFalse(Signatures.same("abc", "ab"));
        assertFalse(Signatures.same("abc", null));
    }
}
