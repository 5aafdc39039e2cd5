package dev.otabridge.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * How a query names some devices of one organization, in the form each engine answers with index
 * lookups: HSQLDB looks pairs up by primary key but reads the whole organization for an IN list of
 * assets, which PostgreSQL answers with one index scan
 * (docs/decisions/0002-device-keys-per-engine.md).
 */
public enum DeviceKeys {

    /** {@code org_id = ? AND asset_id IN (?, ...)}. */
    ORGANIZATION_THEN_ASSETS,

    /** {@code (org_id, asset_id) IN ((?, ?), ...)}. */
    DEVICE_PAIRS;

    /** Devices per statement of {@link #query}. */
    private static final int CHUNK = 500;

    public static DeviceKeys of(DataSource dataSource) {
        return StoreSetup.vendor(dataSource).equals("hsqldb") ? DEVICE_PAIRS : ORGANIZATION_THEN_ASSETS;
    }

    /**
     * The condition selecting {@code assetIds} of {@code orgId}, on columns prefixed with
     * {@code alias} ("" or "d."); its values are appended to {@code parameters}, padded to one of a
     * few lengths ({@link Placeholders#padded}).
     */
    public String condition(String alias, String orgId, Collection<String> devices, List<Object> parameters) {
        List<String> assetIds = Placeholders.padded(devices);
        if (this == ORGANIZATION_THEN_ASSETS) {
            parameters.add(orgId);
            parameters.addAll(assetIds);
            return alias + "org_id = ? AND " + alias + "asset_id IN (" + Placeholders.of(assetIds.size()) + ")";
        }
        assetIds.forEach(assetId -> {
            parameters.add(orgId);
            parameters.add(assetId);
        });
        return "(" + alias + "org_id, " + alias + "asset_id) IN (" + "(?, ?), ".repeat(assetIds.size() - 1) + "(?, ?))";
    }

    /** The assets of {@code items} per organization, each once, in the order first named. */
    public static <T> Map<String, Set<String>> byOrganization(
            Collection<T> items, Function<T, String> orgId, Function<T, String> assetId) {
        Map<String, Set<String>> devices = new LinkedHashMap<>();
        items.forEach(item -> devices.computeIfAbsent(orgId.apply(item), org -> new LinkedHashSet<>())
                .add(assetId.apply(item)));
        return devices;
    }

    /**
     * The rows of {@code statement}, whose {@code %s} is the condition selecting the devices: run
     * once per organization and {@value #CHUNK} devices, in this form's condition.
     */
    public <T> List<T> query(JdbcTemplate jdbc, String statement, Map<String, Set<String>> devices, RowMapper<T> rows) {
        List<T> found = new ArrayList<>();
        devices.forEach((orgId, assets) -> {
            List<String> list = new ArrayList<>(assets);
            for (int from = 0; from < list.size(); from += CHUNK) {
                List<Object> parameters = new ArrayList<>();
                String condition =
                        condition("", orgId, list.subList(from, Math.min(list.size(), from + CHUNK)), parameters);
                found.addAll(jdbc.query(statement.formatted(condition), rows, parameters.toArray()));
            }
        });
        return found;
    }
}
