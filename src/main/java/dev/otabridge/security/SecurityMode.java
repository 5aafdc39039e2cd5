package dev.otabridge.security;

/** How callers prove who they are: chosen in configuration and logged at start. */
public enum SecurityMode {
    /** EnOS's token flow: apim-accesstoken, apim-timestamp, apim-signature on every call. */
    TOKEN,
    /** Behind an API gateway that authenticated the caller and proves itself with a shared secret header. */
    GATEWAY,
    /** Nobody is checked: local development only. */
    NONE
}
