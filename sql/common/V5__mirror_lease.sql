-- Of several instances in mirror mode on one store, one pulls from the upstream at a time.
INSERT INTO sync_lease (name, owner, expires_at) VALUES ('mirror', NULL, 0);
