-- The event feed narrows to one product of an organization: each event keeps its device's product key.
ALTER TABLE sync_outbox ADD COLUMN product_key VARCHAR(64);

-- Events detected before knew it only in their payload; the device's product as last seen stands in.
UPDATE sync_outbox SET product_key = (
    SELECT s.product_key FROM device_sync_state s
     WHERE s.org_id = sync_outbox.org_id AND s.asset_id = sync_outbox.asset_id);

CREATE INDEX sync_outbox_by_product ON sync_outbox (org_id, product_key, id);
