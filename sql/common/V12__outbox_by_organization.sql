-- The event feed of one organization reads its events in cursor order, as the unfiltered feed reads
-- the primary key; a device's history reads sync_outbox_by_device (org_id, asset_id, id).
CREATE INDEX sync_outbox_by_organization ON sync_outbox (org_id, id);
