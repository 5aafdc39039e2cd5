package dev.otabridge.search;

import static dev.otabridge.expression.Operator.EQ;
import static dev.otabridge.expression.Operator.IN;
import static dev.otabridge.expression.Operator.LIKE;

import dev.otabridge.expression.FieldSpec;
import dev.otabridge.expression.Operator;
import dev.otabridge.expression.SearchField;
import dev.otabridge.expression.ValueType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Search OTA Job's fields (API document, request body, {@code expression}). */
public enum OtaJobField implements SearchField {
    PRODUCT_KEY(exact("productKey", EnumSet.of(EQ, IN), "j.product_key", "the job's product key, exact match")),
    FIRMWARE_ID(exact("firmwareId", EnumSet.of(EQ, IN), "j.firmware_id", "the firmware's id, exact match")),
    FIRMWARE_VERSION(
            exact("firmwareVersion", EnumSet.of(EQ, IN), "j.firmware_version", "the firmware's version, exact match")),
    TYPE(exact("type", EnumSet.of(EQ), "j.job_type", "`upgrade` or `verify`")),
    STATUS(exact("status", EnumSet.of(EQ), "j.status", "`started` or `stopped`")),
    NAME(localized(
            "name",
            "j.name_default",
            "the job's name, case-insensitive substring: plain = default, zh_CN or en_US name; "
                    + "`.defaultValue` = default name; `.<locale>` = that locale's name, or the default "
                    + "where it has none")),
    FIRMWARE_NAME(localized("firmwareName", "j.firmware_name_default", "the firmware's name, searched like `name`"));

    private final FieldSpec spec;

    OtaJobField(FieldSpec spec) {
        this.spec = spec;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }

    private static FieldSpec exact(String name, Set<Operator> operators, String column, String description) {
        return FieldSpec.plain(name, ValueType.STRING, operators, column, description);
    }

    /**
     * A StringI18n name: its default, zh_CN and en_US names in the job row, its per-locale texts in
     * ota_job_text under attr = the field name. The texts are those of the request's organization,
     * given as a value rather than as j.org_id: where PostgreSQL runs the sub-select once for all rows
     * (a hashed subplan), the correlation with j is dropped, and it read the matching texts of every
     * organization (docs/decisions/0006-job-text-searches-per-organization.md).
     */
    private static FieldSpec localized(String name, String defaultColumn, String description) {
        // the locales whose names the job row holds beside the default (V8): j.name_default's zh_CN is j.name_zh_cn
        Map<String, String> localeColumns = new LinkedHashMap<>();
        for (String locale : List.of("zh_CN", "en_US")) {
            localeColumns.put(locale, defaultColumn.replace("_default", "_" + locale.toLowerCase(Locale.ROOT)));
        }
        // name is a constant of this enum, never caller input
        String texts =
                "SELECT 1 FROM ota_job_text t WHERE t.org_id = ? AND t.job_id = j.job_id AND t.attr = '" + name + "'";
        return new FieldSpec(
                name, ValueType.STRING, EnumSet.of(LIKE), defaultColumn, texts, localeColumns, description);
    }
}
