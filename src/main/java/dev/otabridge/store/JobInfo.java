package dev.otabridge.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OTA job: Search OTA Job's JobInfo structure. The StringI18n names and the scope and policy
 * objects are kept as the caller gave them; startSchedule and endSchedule are deprecated and
 * always null.
 */
@JsonPropertyOrder({
    "orgId",
    "productKey",
    "jobId",
    "name",
    "firmwareId",
    "firmwareVersion",
    "firmwareName",
    "type",
    "enableUpgradeRequest",
    "upgradePolicy",
    "upgradeScope",
    "upgradeTimeout",
    "startSchedule",
    "endSchedule",
    "status",
    "createTime",
    "retryPolicy",
    "schedulePolicy",
    "maximumConcurrency"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobInfo(
        String orgId,
        String productKey,
        String jobId,
        JsonNode name,
        String firmwareId,
        String firmwareVersion,
        JsonNode firmwareName,
        String type,
        boolean enableUpgradeRequest,
        String upgradePolicy,
        JsonNode upgradeScope,
        long upgradeTimeout,
        String status,
        long createTime,
        JsonNode retryPolicy,
        JsonNode schedulePolicy,
        Integer maximumConcurrency) {

    public Object getStartSchedule() {
        return null;
    }

    public Object getEndSchedule() {
        return null;
    }
}
