-- The OTA store: what the two search APIs read. Every row belongs to one organization (org_id),
-- and every index starts with org_id because every query is scoped by it.
-- Portable SQL: the same migration runs on HSQLDB (embedded default) and PostgreSQL.

CREATE TABLE device_firmware (
    org_id           VARCHAR(64)  NOT NULL,
    asset_id         VARCHAR(64)  NOT NULL,
    product_key      VARCHAR(64)  NOT NULL,
    device_key       VARCHAR(128) NOT NULL,
    firmware_version VARCHAR(128),
    is_upgrading     BOOLEAN      NOT NULL,
    PRIMARY KEY (org_id, asset_id)
);

-- One index per filter, each ending in asset_id, the API's order, so a filtered page is read in order.
CREATE INDEX device_firmware_by_product   ON device_firmware (org_id, product_key, asset_id);
CREATE INDEX device_firmware_by_version   ON device_firmware (org_id, firmware_version, asset_id);
CREATE INDEX device_firmware_by_upgrading ON device_firmware (org_id, is_upgrading, product_key, asset_id);

CREATE TABLE ota_job (
    org_id                 VARCHAR(64)   NOT NULL,
    job_id                 VARCHAR(64)   NOT NULL,
    product_key            VARCHAR(64),
    name_default           VARCHAR(512),
    name_json              VARCHAR(65536) NOT NULL,
    firmware_id            VARCHAR(64)   NOT NULL,
    firmware_version       VARCHAR(128)  NOT NULL,
    firmware_name_default  VARCHAR(512),
    firmware_name_json     VARCHAR(65536) NOT NULL,
    job_type               VARCHAR(16)   NOT NULL,
    enable_upgrade_request BOOLEAN       NOT NULL,
    upgrade_policy         VARCHAR(16),
    upgrade_scope_json     VARCHAR(4000000),
    upgrade_timeout        BIGINT        NOT NULL,
    retry_policy_json      VARCHAR(65536),
    schedule_policy_json   VARCHAR(65536),
    maximum_concurrency    INTEGER,
    status                 VARCHAR(16)   NOT NULL,
    create_time            BIGINT        NOT NULL,
    PRIMARY KEY (org_id, job_id)
);

-- The API's order (createTime descending, jobId as tie-breaker) and one index per exact-match filter.
CREATE INDEX ota_job_by_create_time      ON ota_job (org_id, create_time, job_id);
CREATE INDEX ota_job_by_product          ON ota_job (org_id, product_key, create_time, job_id);
CREATE INDEX ota_job_by_firmware_id      ON ota_job (org_id, firmware_id, create_time, job_id);
CREATE INDEX ota_job_by_firmware_version ON ota_job (org_id, firmware_version, create_time, job_id);
CREATE INDEX ota_job_by_status           ON ota_job (org_id, status, job_type, create_time, job_id);

-- The non-empty per-locale texts of a job's StringI18n names (attr 'name' or 'firmwareName'), for
-- the name searches; name_json keeps the whole structure as given, for the answers.
CREATE TABLE ota_job_text (
    org_id  VARCHAR(64)  NOT NULL,
    job_id  VARCHAR(64)  NOT NULL,
    attr    VARCHAR(16)  NOT NULL,
    locale  VARCHAR(35)  NOT NULL,
    content VARCHAR(512) NOT NULL,
    PRIMARY KEY (org_id, job_id, attr, locale),
    FOREIGN KEY (org_id, job_id) REFERENCES ota_job (org_id, job_id) ON DELETE CASCADE
);
