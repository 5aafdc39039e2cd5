package dev.otabridge.search;

import java.util.List;

/**
 * What a search would do with a request: the expression's syntax tree (null without one), the two
 * statements it runs with their parameters and the store's plan of each, and how many rows match.
 */
public record Explanation(Object parseTree, Statement count, Statement page, long matches) {

    /** A statement as the search sends it: its SQL, its values as parameters, never in the text. */
    public record Statement(String sql, List<Object> parameters, List<String> plan) {}
}
