package dev.otabridge.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A device's firmware and upgrade state: Search Device Upgrade's DeviceFirmware structure. */
@JsonPropertyOrder({"orgId", "assetId", "productKey", "deviceKey", "firmwareVersion", "isUpgrading"})
public record DeviceFirmware(
        String orgId,
        String assetId,
        String productKey,
        String deviceKey,
        String firmwareVersion,
        @JsonProperty("isUpgrading") boolean isUpgrading) {}
