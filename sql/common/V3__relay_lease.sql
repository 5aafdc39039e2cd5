-- One relay at a time per store: the instance holding the lease publishes, the others wait; a
-- lease not renewed in time (its holder died) passes to the next instance that asks.
CREATE TABLE sync_lease (
    name       VARCHAR(32) NOT NULL PRIMARY KEY,
    owner      VARCHAR(64),
    expires_at BIGINT      NOT NULL
);
INSERT INTO sync_lease (name, owner, expires_at) VALUES ('relay', NULL, 0);
