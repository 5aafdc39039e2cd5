-- How many devices each organization has, kept by the store's write path (OtaStore.upsert, under
-- the change counter's lock that every writer takes) and recounted by the reconciliation sweep
-- after writes behind the bundle's back: a device search without an expression answers its
-- totalSize from here instead of counting the organization's keys.
CREATE TABLE device_count (
    org_id  VARCHAR(64) PRIMARY KEY,
    devices BIGINT      NOT NULL
);
INSERT INTO device_count (org_id, devices) SELECT org_id, COUNT(*) FROM device_firmware GROUP BY org_id;
