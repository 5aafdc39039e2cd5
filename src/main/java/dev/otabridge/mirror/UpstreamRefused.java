package dev.otabridge.mirror;

/** The upstream answered, but not with data: an EnOS envelope (or token answer) with a non-zero code. */
public final class UpstreamRefused extends RuntimeException {

    private final int code;

    public UpstreamRefused(String what, int code, String message) {
        super(what + " refused with code " + code + ": " + message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
