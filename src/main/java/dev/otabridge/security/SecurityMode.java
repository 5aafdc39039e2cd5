package dev.otabridge.security;

import java.util.Locale;

/** How callers prove who they are: chosen in configuration and logged at start. */
public enum SecurityMode {
    /** EnOS's token flow: apim-accesstoken, apim-timestamp, apim-signature on every call. */
    TOKEN,
    /** Behind an API gateway that authenticated the caller and proves itself with a shared secret header. */
    GATEWAY,
    /** Nobody is checked: local development only. */
    NONE;

    /**
     * The mode {@code ota.security.mode} asks for: "auto" is the token flow once an accounts file is
     * set (which then must hold accounts), no authentication before.
     *
     * @throws IllegalArgumentException for a value that names no mode, or token mode without accounts
     */
    public static SecurityMode resolve(String setting, Accounts accounts) {
        String name = setting == null ? "" : setting.trim().toUpperCase(Locale.ROOT);
        SecurityMode mode;
        if (name.equals("AUTO")) {
            mode = accounts.isEmpty() ? NONE : TOKEN;
        } else {
            try {
                mode = valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "ota.security.mode is '" + setting + "': use auto, token, gateway or none");
            }
        }
        if (mode == TOKEN && accounts.isEmpty()) {
            throw new IllegalArgumentException("ota.security.mode is token but ota.security.accounts-file is not set");
        }
        return mode;
    }
}
