package dev.otabridge.store;

import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

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
}
