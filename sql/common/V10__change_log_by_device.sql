-- The reconciliation sweep leaves devices with unread change-log entries to the detector's tick,
-- asking per device whether it has any: without this index each ask read the whole change log.
CREATE INDEX device_change_by_device ON device_change (org_id, asset_id);
