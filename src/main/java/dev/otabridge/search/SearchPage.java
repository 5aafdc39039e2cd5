package dev.otabridge.search;

import java.util.List;

/** One page of a search: the rows, the page asked for, and how many rows match in all. */
public record SearchPage<T>(List<T> data, int pageNo, int pageSize, long totalSize) {

    public SearchPage {
        data = List.copyOf(data);
    }
}
