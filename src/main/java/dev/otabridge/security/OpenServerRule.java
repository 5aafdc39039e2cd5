package dev.otabridge.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server without authentication listens on loopback only, unless an operator chose mode none by
 * name: "auto" falling back to none must never expose the API or the management endpoints.
 */
public final class OpenServerRule {

    private static final Logger LOG = LoggerFactory.getLogger(OpenServerRule.class);

    private OpenServerRule() {}

    /**
     * @param hosts        each listening address by the setting that chose it
     * @param explicitNone whether ota.security.mode says "none" itself
     * @return whether the server is open beyond this machine (so the caller warns about it)
     * @throws IllegalArgumentException naming the setting, for an open server reached from outside
     *                                  that nobody asked for
     */
    public static boolean check(SecurityMode mode, boolean explicitNone, Map<String, String> hosts) {
        if (mode != SecurityMode.NONE) {
            return false;
        }
        boolean exposed = false;
        for (Map.Entry<String, String> host : hosts.entrySet()) {
            if (!isLoopback(host.getValue())) {
                if (!explicitNone) {
                    throw new IllegalArgumentException(
                            host.getKey() + " is " + host.getValue() + " but no caller is authenticated"
                                    + " (ota.security.mode auto without ota.security.accounts-file): set the "
                                    + "accounts file, or"
                                    + " ota.security.mode=gateway, or bind " + host.getKey() + " to 127.0.0.1;"
                                    + " ota.security.mode=none opens it on purpose");
                }
                exposed = true;
            }
        }
        return exposed;
    }

    /** An open server reached from outside is said loudly, and again every minute, not once in a start-up log. */
    public static void warnEveryMinute(ScheduledExecutorService scheduler, Map<String, String> hosts) {
        Runnable warn = () -> LOG.warn(
                "SECURITY: NONE on a non-loopback address ({}): anyone who reaches it can read every"
                        + " organization's data and load or delete devices",
                hosts);
        scheduler.scheduleAtFixedRate(warn, 0, 1, TimeUnit.MINUTES);
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
