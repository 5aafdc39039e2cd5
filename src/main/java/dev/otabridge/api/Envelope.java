package dev.otabridge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * EnOS's answer envelope. {@code data} is always written (null on errors); {@code pagination}
 * only by the searches.
 */
@JsonPropertyOrder({"code", "msg", "requestId", "data", "pagination"})
public record Envelope(
        int code,
        String msg,
        String requestId,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object data,
        @JsonInclude(JsonInclude.Include.NON_NULL) Pagination pagination) {

    /** The echo of the request's page with the total number of matches; EnOS always sends sortedBy null. */
    @JsonPropertyOrder({"sortedBy", "pageNo", "pageSize", "totalSize"})
    public record Pagination(
            @JsonInclude(JsonInclude.Include.ALWAYS) Object sortedBy, int pageNo, int pageSize, long totalSize) {}
}
