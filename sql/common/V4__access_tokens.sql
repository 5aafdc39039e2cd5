-- Access tokens issued by the token service, shared by every instance on this store, so a token
-- got from one instance works on all of them behind a load balancer. Only a SHA-256 of each token
-- is kept: whoever reads this table cannot call the API with what they read.
CREATE TABLE access_token (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    app_key    VARCHAR(128) NOT NULL,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX access_token_by_expiry ON access_token (expires_at);
