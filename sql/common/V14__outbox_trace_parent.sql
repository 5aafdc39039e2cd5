-- The W3C trace context an event was detected in (null when untraced): its delivery continues it.
ALTER TABLE sync_outbox ADD COLUMN trace_parent VARCHAR(55);
