package dev.otabridge.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An upgrade-status event as it leaves the bundle: CloudEvents 1.0 attributes around the device's
 * transition. Schema version 1 ({@link EventSchema}); fields are only ever added to it.
 */
@JsonPropertyOrder({
    "specversion",
    "id",
    "source",
    "type",
    "subject",
    "time",
    "datacontenttype",
    "dataschema",
    "traceparent",
    "data"
})
public record DeviceEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String dataschema,
        @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
        Data data) {

    public enum Type {
        /** isUpgrading became true (or a device was first seen upgrading). */
        UPGRADE_STARTED,
        /** isUpgrading became false (or an upgrading device was removed): success or failure, EnOS does not say. */
        UPGRADE_FINISHED,
        /** isUpgrading has stayed true longer than the configured threshold; sent once per upgrade. */
        UPGRADE_STALLED
    }

    /**
     * The transition. {@code previousIsUpgrading} is null for a device seen for the first time;
     * {@code firmwareVersionBefore} is the version when the upgrade started.
     */
    @JsonPropertyOrder({
        "orgId",
        "assetId",
        "productKey",
        "deviceKey",
        "previousIsUpgrading",
        "isUpgrading",
        "firmwareVersionBefore",
        "firmwareVersionAfter",
        "upgradingSince",
        "detectedAt",
        "sequence",
        "reconciled",
        "deviceRemoved"
    })
    public record Data(
            String orgId,
            String assetId,
            String productKey,
            String deviceKey,
            Boolean previousIsUpgrading,
            @JsonProperty("isUpgrading") boolean isUpgrading,
            String firmwareVersionBefore,
            String firmwareVersionAfter,
            String upgradingSince,
            String detectedAt,
            long sequence,
            boolean reconciled,
            boolean deviceRemoved) {}

    /** @param traceparent the trace context it was detected in (CloudEvents' distributed tracing extension), or null */
    public static DeviceEvent of(EventOrigin origin, Type type, Data data, String traceparent) {
        return new DeviceEvent(
                "1.0",
                idFor(data.orgId(), data.assetId(), data.sequence()),
                origin.source(),
                type.name(),
                data.orgId() + "/" + data.assetId(),
                data.detectedAt(),
                "application/json",
                origin.dataschema(),
                traceparent,
                data);
    }

    /**
     * The idempotency key: the same device and per-device sequence number always give the same id,
     * so an event detected again after a crash, or delivered twice, is recognisable as the same.
     */
    public static String idFor(String orgId, String assetId, long sequence) {
        return UUID.nameUUIDFromBytes(
                        (orgId + "\u0000" + assetId + "\u0000" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
