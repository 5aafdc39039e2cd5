-- `isUpgrading = true` alone had no index in page order: device_firmware_by_upgrading holds
-- product_key between is_upgrading and asset_id, so HSQLDB sorted every upgrading device of the
-- organization to return a page (docs/decisions/0011-upgrading-devices-in-asset-order.md). HSQLDB
-- reads a condition through the first index, in creation order, whose leading columns it pins,
-- whatever the ORDER BY: the older index is dropped and made again after the new one, so that
-- is_upgrading alone reads the new one and is_upgrading with product_key still the older.
-- search/HsqldbPageIndexTest checks which index each page reads.
DROP INDEX device_firmware_by_upgrading;
CREATE INDEX device_firmware_upgrading_by_asset ON device_firmware (org_id, is_upgrading, asset_id);
CREATE INDEX device_firmware_by_upgrading ON device_firmware (org_id, is_upgrading, product_key, asset_id);
