package dev.otabridge.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code ?} placeholders of SQL statements built for a number of values. */
public final class Placeholders {

    private Placeholders() {}

    /** {@code ?, ?, ?}: the placeholders of an IN list of {@code count} values (at least one). */
    public static String of(int count) {
        return "?, ".repeat(count - 1) + "?";
    }

    /**
     * {@code values} made up to the next power of two by repeating the last, which an IN list does
     * not notice: a statement built for them has one of a few texts, which the database compiles
     * once, instead of a text per length.
     */
    public static <T> List<T> padded(Collection<T> values) {
        List<T> padded = new ArrayList<>(values);
        T last = padded.get(padded.size() - 1);
        int size = Integer.highestOneBit(padded.size());
        size = size == padded.size() ? size : size << 1;
        while (padded.size() < size) {
            padded.add(last);
        }
        return padded;
    }
}
