package dev.otabridge.security;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The guard of one API route: admits a caller that holds the route's permission. Made by the route
 * template enos-call from its parameters, so a route that names an unknown permission fails the
 * start instead of answering its requests with 99500.
 */
public final class Admission implements Processor {

    private RequestGuard guard;
    private Permission permission;

    public void setGuard(RequestGuard guard) {
        this.guard = guard;
    }

    /** @param name the permission as EnOS names it ("Firmware/Read") */
    public void setPermission(String name) {
        this.permission = Permission.named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown permission '" + name + "'; the permissions are " + Permission.names()));
    }

    @Override
    public void process(Exchange exchange) {
        guard.admit(permission, exchange);
    }
}
