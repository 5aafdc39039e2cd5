package dev.otabridge.security;

import java.util.Set;

/**
 * A service account: the application's access key and secret, the organizations it belongs to
 * and what it may do there. {@link #toString()} never shows the secret.
 */
public record Account(String accessKey, String secret, Set<String> orgIds, Set<Permission> permissions) {

    public Account {
        orgIds = Set.copyOf(orgIds);
        permissions = Set.copyOf(permissions);
    }

    @Override
    public String toString() {
        return "Account[" + accessKey + ", orgs " + orgIds + ", " + permissions + "]";
    }
}
