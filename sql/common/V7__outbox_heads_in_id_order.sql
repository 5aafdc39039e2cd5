-- The relay takes the oldest due heads: is_head = TRUE AND status = 'PENDING' AND next_attempt_at
-- <= now, ORDER BY id, FETCH FIRST n. With next_attempt_at before id in the index (V6), every pass
-- read and sorted all pending heads to return n of them. With id right after the equalities, a pass
-- reads the heads in id order and stops after n due ones; the few waiting for a retry are skipped by
-- the filter (docs/decisions/0007-outbox-heads-in-id-order.md).
DROP INDEX sync_outbox_heads;
CREATE INDEX sync_outbox_heads ON sync_outbox (is_head, status, id);
