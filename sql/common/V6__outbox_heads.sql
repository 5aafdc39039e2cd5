-- Each device's oldest undelivered event is its head, the only one of its events the relay may hand
-- out (so a device's events go out in order). Kept as a flag, set when an event is written behind
-- none of its device's and passed on when the head is delivered, the relay's query reads one index
-- range and no plan can turn it into a scan of the backlog per event.
ALTER TABLE sync_outbox ADD COLUMN is_head BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE sync_outbox SET is_head = TRUE
 WHERE id IN (SELECT MIN(id) FROM sync_outbox WHERE status IN ('PENDING', 'PARKED') GROUP BY org_id, asset_id);
CREATE INDEX sync_outbox_heads ON sync_outbox (is_head, status, next_attempt_at, id);
