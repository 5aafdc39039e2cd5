package dev.otabridge.search;

import static dev.otabridge.expression.Operator.EQ;
import static dev.otabridge.expression.Operator.IN;

import dev.otabridge.expression.Operator;
import dev.otabridge.expression.SearchField;
import dev.otabridge.expression.ValueType;
import java.util.EnumSet;
import java.util.Set;

/** Search Device Upgrade's fields (API document, request body, {@code expression}). */
public enum DeviceUpgradeField implements SearchField {
    PRODUCT_KEY("productKey", ValueType.STRING, EnumSet.of(EQ, IN), "d.product_key",
            "the device's product key, exact match"),
    FIRMWARE_VERSION("firmwareVersion", ValueType.STRING, EnumSet.of(EQ, IN), "d.firmware_version",
            "the device's firmware version, exact match"),
    IS_UPGRADING("isUpgrading", ValueType.BOOLEAN, EnumSet.of(EQ), "d.is_upgrading",
            "`true` while an upgrade runs, `false` otherwise; bare or quoted, any letter case");

    private final String fieldName;
    private final ValueType type;
    private final Set<Operator> operators;
    private final String column;
    private final String description;

    DeviceUpgradeField(String fieldName, ValueType type, Set<Operator> operators, String column, String description) {
        this.fieldName = fieldName;
        this.type = type;
        this.operators = operators;
        this.column = column;
        this.description = description;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    @Override
    public ValueType type() {
        return type;
    }

    @Override
    public Set<Operator> operators() {
        return operators;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public String description() {
        return description;
    }
}
