-- Every name search names one organization, but a trigram index of V11_1 holds every
-- organization's jobs: a common trigram read the entries of all of them before the organization was
-- kept. btree_gin lets a GIN index hold org_id beside the trigrams, so a search reads its own
-- organization's entries (docs/decisions/0023-organization-led-trigram-indexes.md). Like pg_trgm it
-- ships with PostgreSQL and is a trusted extension (V3_1).
CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public;

DROP INDEX ota_job_name_trgm;
DROP INDEX ota_job_firmware_name_trgm;
DROP INDEX ota_job_text_content_trgm;
DROP INDEX ota_job_name_zh_cn_trgm;
DROP INDEX ota_job_name_en_us_trgm;
DROP INDEX ota_job_firmware_name_zh_cn_trgm;
DROP INDEX ota_job_firmware_name_en_us_trgm;

CREATE INDEX ota_job_name_trgm                ON ota_job      USING gin (org_id, name_default public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_trgm       ON ota_job      USING gin (org_id, firmware_name_default public.gin_trgm_ops);
CREATE INDEX ota_job_text_content_trgm        ON ota_job_text USING gin (org_id, content public.gin_trgm_ops);
CREATE INDEX ota_job_name_zh_cn_trgm          ON ota_job      USING gin (org_id, name_zh_cn public.gin_trgm_ops);
CREATE INDEX ota_job_name_en_us_trgm          ON ota_job      USING gin (org_id, name_en_us public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_zh_cn_trgm ON ota_job      USING gin (org_id, firmware_name_zh_cn public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_en_us_trgm ON ota_job      USING gin (org_id, firmware_name_en_us public.gin_trgm_ops);
