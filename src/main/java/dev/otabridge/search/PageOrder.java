package dev.otabridge.search;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order a search pages in: the organization, then a unique key, so pages never repeat or skip a
 * row. {@code indexedRuns} are the columns that the store's indexes hold between {@code org_id} and
 * that key (PageOrderIndexesTest checks each against the migrated store). When a condition pins
 * every column of a run to one value, the run joins the ORDER BY: the order stays the same, and
 * HSQLDB, which does not see that a pinned column cannot change the order, reads the index in
 * order instead of sorting every match (docs/decisions/0005-pinned-columns-in-the-page-order.md).
 * PostgreSQL drops the pinned columns from the sort on its own.
 */
record PageOrder(String organization, List<List<String>> indexedRuns, List<String> key, String direction) {

    PageOrder {
        indexedRuns = indexedRuns.stream().map(List::copyOf).toList();
        key = List.copyOf(key);
    }

    String sql(Set<String> pinnedColumns) {
        List<String> run = indexedRuns.stream()
                .filter(pinnedColumns::containsAll)
                .max(Comparator.comparingInt(List::size))
                .orElse(List.of());
        return Stream.of(Stream.of(organization), run.stream(), key.stream())
                .flatMap(columns -> columns)
                .map(column -> column + direction)
                .collect(Collectors.joining(", "));
    }
}
