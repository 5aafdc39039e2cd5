-- The relay's next batch: the oldest due heads (is_head = TRUE AND status = 'PENDING', in id order).
-- On PostgreSQL the (is_head, status, id) index of V7 lost to a walk of the primary key in id order
-- once the outbox held more delivered events than pending ones, and each pass skipped every
-- delivered event older than the first pending head. This index holds the pending heads alone, so a
-- pass reads the batch it returns and nothing else (docs/decisions/0007-outbox-heads-in-id-order.md).
-- HSQLDB has no partial indexes and keeps V7's, which it uses.
CREATE INDEX sync_outbox_pending_heads ON sync_outbox (id) WHERE is_head = TRUE AND status = 'PENDING';
