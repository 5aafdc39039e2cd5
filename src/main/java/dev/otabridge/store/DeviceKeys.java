package dev.otabridge.store;

import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * How a query names some devices of one organization, in the form each engine answers with index
 * lookups. Measured on a store of 100,000 devices, 500 devices of an organization of 19,331:
 * HSQLDB answers {@code (org_id, asset_id) IN ((?, ?), ...)} with one primary-key lookup per
 * device (5 ms) but reads the whole organization for {@code org_id = ? AND asset_id IN (...)}
 * (15-50 ms, and growing with the organization); PostgreSQL runs the latter as one index scan
 * (1.5 ms) and spends 85 ms planning the former.
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
     * {@code alias} ("" or "d."); its values are appended to {@code parameters}.
     */
    public String condition(String alias, String orgId, Collection<String> assetIds, List<Object> parameters) {
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
