package dev.otabridge.expression;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The searchable fields of one API, and how a name in an expression resolves to one of them. */
public final class FieldTable {

    private final List<SearchField> fields;

    private FieldTable(List<SearchField> fields) {
        this.fields = List.copyOf(fields);
    }

    public static <F extends Enum<F> & SearchField> FieldTable of(Class<F> fieldEnum) {
        return new FieldTable(Arrays.asList(fieldEnum.getEnumConstants()));
    }

    public List<SearchField> fields() {
        return fields;
    }

    /**
     * Resolves {@code productKey}, {@code name}, {@code name.defaultValue}, {@code name.default} or
     * {@code name.<locale>}.
     *
     * @throws ExpressionException naming the unknown field, its column and the allowed ones
     */
    FieldRef resolve(String written, int column) {
        int dot = written.indexOf('.');
        String base = dot < 0 ? written : written.substring(0, dot);
        Optional<SearchField> field =
                fields.stream().filter(f -> f.fieldName().equals(base)).findFirst();
        if (field.isEmpty() || (dot >= 0 && !field.get().localized())) {
            throw new ExpressionException(
                    ExpressionException.Kind.UNKNOWN_FIELD,
                    column,
                    "unknown field '" + written + "'; allowed fields: " + allowedNames());
        }
        if (!field.get().localized()) {
            return new FieldRef(field.get(), null);
        }
        if (dot < 0) {
            return new FieldRef(field.get(), FieldRef.ALL_NAMES);
        }
        String selector = written.substring(dot + 1);
        if (selector.equals("defaultValue") || selector.equals("default")) {
            return new FieldRef(field.get(), FieldRef.DEFAULT_NAME);
        }
        if (!FieldRef.LOCALE.matcher(selector).matches()) {
            throw new ExpressionException(
                    ExpressionException.Kind.UNKNOWN_FIELD,
                    column,
                    "'" + selector + "' in '" + written + "' is not a locale; use " + base + ".defaultValue or " + base
                            + ".<locale> such as " + base + ".zh_CN");
        }
        return new FieldRef(field.get(), selector);
    }

    private String allowedNames() {
        return fields.stream()
                .map(f -> f.localized()
                        ? f.fieldName() + ", " + f.fieldName() + ".defaultValue, " + f.fieldName() + ".<locale>"
                        : f.fieldName())
                .collect(Collectors.joining(", "));
    }

    /** The table as Markdown, the form docs/api.md carries (a test keeps the two equal). */
    public String markdown() {
        StringBuilder md = new StringBuilder("| field | type | operators | meaning |\n|---|---|---|---|\n");
        for (SearchField f : fields) {
            String name = f.localized()
                    ? "`" + f.fieldName() + "`, `" + f.fieldName() + ".defaultValue`, `" + f.fieldName()
                            + ".default`, `" + f.fieldName() + ".<locale>`"
                    : "`" + f.fieldName() + "`";
            String ops = f.operators().stream().map(op -> "`" + op.text() + "`").collect(Collectors.joining(", "));
            md.append("| ")
                    .append(name)
                    .append(" | ")
                    .append(f.type().name().toLowerCase())
                    .append(" | ")
                    .append(ops)
                    .append(" | ")
                    .append(f.description())
                    .append(" |\n");
        }
        return md.toString();
    }
}
