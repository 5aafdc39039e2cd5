package dev.otabridge.search;

/** A validated search request: whose data, which filter (null for none) and which page. */
public record SearchRequest(String orgId, String expression, int pageNo, int pageSize) {

    /** Rows before this page; a long, because pageNo times pageSize can pass Integer.MAX_VALUE. */
    public long offset() {
        return (long) (pageNo - 1) * pageSize;
    }
}
