package dev.otabridge.store;

/** The {@code ?} placeholders of SQL statements built for a number of values. */
public final class Placeholders {

    private Placeholders() {}

    /** {@code ?, ?, ?}: the placeholders of an IN list of {@code count} values (at least one). */
    public static String of(int count) {
        return "?, ".repeat(count - 1) + "?";
    }
}
