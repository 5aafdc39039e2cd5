package dev.otabridge.search;

import static dev.otabridge.expression.Operator.EQ;
import static dev.otabridge.expression.Operator.IN;

import dev.otabridge.expression.FieldSpec;
import dev.otabridge.expression.SearchField;
import dev.otabridge.expression.ValueType;
import java.util.EnumSet;

/** Search Device Upgrade's fields (API document, request body, {@code expression}). */
public enum DeviceUpgradeField implements SearchField {
    PRODUCT_KEY(FieldSpec.plain(
            "productKey",
            ValueType.STRING,
            EnumSet.of(EQ, IN),
            "d.product_key",
            "the device's product key, exact match")),
    FIRMWARE_VERSION(FieldSpec.plain(
            "firmwareVersion",
            ValueType.STRING,
            EnumSet.of(EQ, IN),
            "d.firmware_version",
            "the device's firmware version, exact match")),
    IS_UPGRADING(FieldSpec.plain(
            "isUpgrading",
            ValueType.BOOLEAN,
            EnumSet.of(EQ),
            "d.is_upgrading",
            "`true` while an upgrade runs, `false` otherwise; bare or quoted, any letter case"));

    private final FieldSpec spec;

    DeviceUpgradeField(FieldSpec spec) {
        this.spec = spec;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }
}
