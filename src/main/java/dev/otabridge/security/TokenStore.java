package dev.otabridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where issued tokens live: the store's access_token table, which every instance on the store
 * shares. A token is kept as its SHA-256 only.
 */
public final class TokenStore {

    /** A stored token: whose (the account's access key), and until when (epoch milliseconds). */
    public record Entry(String appKey, long expiresAt) {}

    private final JdbcTemplate jdbc;

    public TokenStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void put(String token, String appKey, long expiresAt) {
        jdbc.update(
                "INSERT INTO access_token (token_hash, app_key, expires_at) VALUES (?, ?, ?)",
                hash(token),
                appKey,
                expiresAt);
    }

    public Optional<Entry> find(String token) {
        List<Entry> found = jdbc.query(
                "SELECT app_key, expires_at FROM access_token WHERE token_hash = ?",
                (row, n) -> new Entry(row.getString(1), row.getLong(2)),
                hash(token));
        return found.stream().findFirst();
    }

    /**
     * Ends the token if {@code appKey} holds it and it has not expired at {@code now}; whether it
     * did. One statement, so of two instances refreshing the same token at once only one wins.
     */
    public boolean removeUnexpired(String token, String appKey, long now) {
        return jdbc.update(
                        "DELETE FROM access_token WHERE token_hash = ? AND app_key = ? AND expires_at > ?",
                        hash(token),
                        appKey,
                        now)
                == 1;
    }

    public void removeExpiredBefore(long cutoff) {
        jdbc.update("DELETE FROM access_token WHERE expires_at < ?", cutoff);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
