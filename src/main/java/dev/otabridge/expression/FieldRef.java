package dev.otabridge.expression;

import java.util.regex.Pattern;

/**
 * A field as an expression names it. For a localized field, {@code locale} says which names are
 * searched: {@link #ALL_NAMES} (default, zh_CN and en_US), {@link #DEFAULT_NAME}, or one locale
 * with the default name as its fallback.
 */
public record FieldRef(SearchField field, String locale) {

    /** zh_CN, en_US, es_ES, ja_JP, or a bare language such as fr: the keys of a StringI18n's i18nValue. */
    public static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}(_[A-Za-z0-9]{2,8}){0,2}");

    public static final String ALL_NAMES = "*";
    public static final String DEFAULT_NAME = "defaultValue";

    /** The field as the caller wrote it, for messages. */
    public String displayName() {
        return locale == null || locale.equals(ALL_NAMES) ? field.fieldName() : field.fieldName() + "." + locale;
    }
}
