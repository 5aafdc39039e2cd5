package dev.otabridge.search;

import static dev.otabridge.expression.Operator.EQ;
import static dev.otabridge.expression.Operator.IN;
import static dev.otabridge.expression.Operator.LIKE;

import dev.otabridge.expression.Operator;
import dev.otabridge.expression.SearchField;
import dev.otabridge.expression.ValueType;
import java.util.EnumSet;
import java.util.Set;

/** Search OTA Job's fields (API document, request body, {@code expression}). */
public enum OtaJobField implements SearchField {
    PRODUCT_KEY("productKey", EnumSet.of(EQ, IN), "j.product_key", null,
            "the job's product key, exact match"),
    FIRMWARE_ID("firmwareId", EnumSet.of(EQ, IN), "j.firmware_id", null,
            "the firmware's id, exact match"),
    FIRMWARE_VERSION("firmwareVersion", EnumSet.of(EQ, IN), "j.firmware_version", null,
            "the firmware's version, exact match"),
    TYPE("type", EnumSet.of(EQ), "j.job_type", null,
            "`upgrade` or `verify`"),
    STATUS("status", EnumSet.of(EQ), "j.status", null,
            "`started` or `stopped`"),
    NAME("name", EnumSet.of(LIKE), "j.name_default", "name",
            "the job's name, case-insensitive substring: plain = default, zh_CN or en_US name; "
                    + "`.defaultValue` = default name; `.<locale>` = that locale's name, or the default where it has none"),
    FIRMWARE_NAME("firmwareName", EnumSet.of(LIKE), "j.firmware_name_default", "firmwareName",
            "the firmware's name, searched like `name`");

    private final String fieldName;
    private final Set<Operator> operators;
    private final String column;
    private final String textAttribute;
    private final String description;

    OtaJobField(String fieldName, Set<Operator> operators, String column, String textAttribute, String description) {
        this.fieldName = fieldName;
        this.operators = operators;
        this.column = column;
        this.textAttribute = textAttribute;
        this.description = description;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
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
    public String localizedTexts() {
        // textAttribute is a constant of this enum, never caller input
        return textAttribute == null ? null
                : "SELECT 1 FROM ota_job_text t WHERE t.org_id = j.org_id AND t.job_id = j.job_id AND t.attr = '" + textAttribute + "'";
    }

    @Override
    public String description() {
        return description;
    }
}
