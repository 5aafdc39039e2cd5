-- The events that wait behind their device's head (is_head = FALSE AND status = 'PENDING'): the
-- repair of heads a stopped process left behind reads them alone, not the whole outbox
-- (docs/decisions/0020-heads-passed-on-after-each-commit.md). HSQLDB reads them through V7's index.
CREATE INDEX sync_outbox_pending_non_heads ON sync_outbox (id) WHERE is_head = FALSE AND status = 'PENDING';
