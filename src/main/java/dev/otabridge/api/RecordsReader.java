package dev.otabridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otabridge.expression.FieldRef;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.JobInfo;
import dev.otabridge.store.Records;
import dev.otabridge.store.StoredText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a load document, {@code {"devices": [DeviceFirmware...], "jobs": [JobInfo...],
 * "removedDevices": [{"orgId", "assetId"}...]}}, in the APIs' own shapes, and checks every record against what the
 * store and the APIs promise. The first
 * problem is reported with its path ({@code jobs[2].type}); nothing is written for a bad document.
 */
public final class RecordsReader {

    private static final Set<String> TOP_LEVEL = Set.of("devices", "jobs", "removedDevices");
    private static final int ID_LENGTH = StoredText.ID_LENGTH;
    private static final int VERSION_LENGTH = 128;
    private static final int NAME_LENGTH = 512;

    private final ObjectMapper json;
    private final JsonBody body;

    public RecordsReader(ObjectMapper json) {
        this.json = json;
        this.body = new JsonBody(json);
    }

    public Records read(String document) {
        JsonNode root = parse(document);
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw ApiException.invalidArgument(
                        name, "unknown key; a load document holds \"devices\", \"jobs\" and \"removedDevices\"");
            }
        }
        List<DeviceFirmware> devices = new ArrayList<>();
        List<JobInfo> jobs = new ArrayList<>();
        int i = 0;
        for (JsonNode node : array(root, "devices")) {
            devices.add(device(new Fields(node, "devices[" + i++ + "]")));
        }
        i = 0;
        for (JsonNode node : array(root, "jobs")) {
            jobs.add(job(new Fields(node, "jobs[" + i++ + "]")));
        }
        List<Records.DeviceRef> removed = new ArrayList<>();
        i = 0;
        for (JsonNode node : array(root, "removedDevices")) {
            Fields f = new Fields(node, "removedDevices[" + i++ + "]");
            removed.add(new Records.DeviceRef(f.text("orgId", ID_LENGTH, true), f.text("assetId", ID_LENGTH, true)));
        }
        return new Records(devices, jobs, removed);
    }

    private static DeviceFirmware device(Fields f) {
        return new DeviceFirmware(
                f.text("orgId", ID_LENGTH, true),
                f.text("assetId", ID_LENGTH, true),
                f.text("productKey", ID_LENGTH, true),
                f.text("deviceKey", VERSION_LENGTH, true),
                f.text("firmwareVersion", VERSION_LENGTH, false),
                f.bool("isUpgrading", null));
    }

    private JobInfo job(Fields f) {
        return new JobInfo(
                f.text("orgId", ID_LENGTH, true),
                f.text("productKey", ID_LENGTH, false),
                f.text("jobId", ID_LENGTH, true),
                f.i18n("name", json),
                f.text("firmwareId", ID_LENGTH, true),
                f.text("firmwareVersion", VERSION_LENGTH, true),
                f.i18n("firmwareName", json),
                f.oneOf("type", true, "upgrade", "verify"),
                f.bool("enableUpgradeRequest", false),
                f.oneOf("upgradePolicy", false, "snapshot", "incremental"),
                f.object("upgradeScope"),
                f.number("upgradeTimeout", 7200, 300, 172_800),
                f.oneOf("status", true, "started", "stopped"),
                f.number("createTime", null, 0, Long.MAX_VALUE),
                f.object("retryPolicy"),
                f.object("schedulePolicy"),
                f.has("maximumConcurrency") ? (int) f.number("maximumConcurrency", null, 1, Integer.MAX_VALUE) : null);
    }

    private JsonNode parse(String document) {
        if (document == null || document.isBlank()) {
            throw ApiException.invalidArgument("body", "the load document is empty");
        }
        return body.readObject(document, "the load document");
    }

    private static Iterable<JsonNode> array(JsonNode root, String name) {
        JsonNode node = root.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.invalidArgument(name, name + " must be an array");
        }
        return node;
    }

    /** Typed, checked access to one record's fields, each problem named by its path. */
    private record Fields(JsonNode node, String path) {

        Fields {
            if (!node.isObject()) {
                throw ApiException.invalidArgument(path, "each record must be a JSON object");
            }
        }

        boolean has(String name) {
            return !node.path(name).isMissingNode() && !node.path(name).isNull();
        }

        ApiException invalid(String name, String detail) {
            return ApiException.invalidArgument(path + "." + name, detail);
        }

        String text(String name, int maxLength, boolean required) {
            if (!has(name)) {
                if (required) {
                    throw invalid(name, name + " is missing");
                }
                return null;
            }
            JsonNode value = node.get(name);
            if (!value.isTextual() || (required && value.textValue().isBlank())) {
                throw invalid(name, name + " must be a" + (required ? " non-empty" : "") + " string");
            }
            if (value.textValue().length() > maxLength) {
                throw invalid(name, name + " is longer than " + maxLength + " characters");
            }
            int at = StoredText.firstNotText(value.textValue());
            if (at >= 0) {
                throw invalid(
                        name,
                        name + " holds "
                                + StoredText.shown(value.textValue()
                                        .codePointAt(value.textValue().offsetByCodePoints(0, at)))
                                + " at character " + (at + 1)
                                + ": control characters and lone surrogates are not stored");
            }
            return value.textValue();
        }

        String oneOf(String name, boolean required, String... allowed) {
            String value = text(name, ID_LENGTH, required);
            if (value != null && !List.of(allowed).contains(value)) {
                throw invalid(name, name + " must be one of " + List.of(allowed));
            }
            return value;
        }

        boolean bool(String name, Boolean absent) {
            if (!has(name)) {
                if (absent == null) {
                    throw invalid(name, name + " is missing");
                }
                return absent;
            }
            if (!node.get(name).isBoolean()) {
                throw invalid(name, name + " must be true or false");
            }
            return node.get(name).booleanValue();
        }

        long number(String name, Integer absent, long min, long max) {
            if (!has(name)) {
                if (absent == null) {
                    throw invalid(name, name + " is missing");
                }
                return absent;
            }
            JsonNode value = node.get(name);
            if (!value.isIntegralNumber()
                    || !value.canConvertToLong()
                    || value.longValue() < min
                    || value.longValue() > max) {
                throw invalid(name, name + " must be an integer from " + min + " to " + max);
            }
            return value.longValue();
        }

        JsonNode object(String name) {
            if (!has(name)) {
                return null;
            }
            if (!node.get(name).isObject()) {
                throw invalid(name, name + " must be an object or null");
            }
            requireNoLoneSurrogate(node.get(name), path + "." + name);
            return node.get(name);
        }

        /** Objects are stored as given, control characters included, but half a surrogate pair is no text to store. */
        private static void requireNoLoneSurrogate(JsonNode value, String where) {
            if (value.isTextual() && StoredText.hasLoneSurrogate(value.textValue())) {
                throw ApiException.invalidArgument(where, "holds a lone surrogate, which is not text");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (StoredText.hasLoneSurrogate(field.getKey())) {
                    throw ApiException.invalidArgument(where, "a key holds a lone surrogate, which is not text");
                }
                requireNoLoneSurrogate(field.getValue(), where + "." + field.getKey());
            }
            for (int i = 0; value.isArray() && i < value.size(); i++) {
                requireNoLoneSurrogate(value.get(i), where + "[" + i + "]");
            }
        }

        /** A StringI18n, normalised to both of its keys so that answers always carry them. */
        JsonNode i18n(String name, ObjectMapper json) {
            JsonNode value = object(name);
            if (value == null) {
                throw invalid(name, name + " is missing; it is {\"defaultValue\": \"...\", \"i18nValue\": {...}}");
            }
            Fields i18n = new Fields(value, path + "." + name);
            ObjectNode normalised = json.createObjectNode();
            normalised.put("defaultValue", i18n.text("defaultValue", NAME_LENGTH, false));
            ObjectNode locales = normalised.putObject("i18nValue");
            JsonNode given = i18n.object("i18nValue");
            if (given != null) {
                Iterator<String> keys = given.fieldNames();
                while (keys.hasNext()) {
                    String locale = keys.next();
                    if (!FieldRef.LOCALE.matcher(locale).matches()) {
                        throw i18n.invalid("i18nValue", "'" + locale + "' is not a locale such as zh_CN");
                    }
                    locales.put(locale, new Fields(given, i18n.path + ".i18nValue").text(locale, NAME_LENGTH, false));
                }
            }
            return normalised;
        }
    }
}
