-- The name searches now compare the stored, case-folded names as they are (column LIKE pattern),
-- no longer LOWER(column): the trigram indexes of V3_1 and V8_1 move to the plain columns.
DROP INDEX ota_job_name_trgm;
DROP INDEX ota_job_firmware_name_trgm;
DROP INDEX ota_job_text_content_trgm;
DROP INDEX ota_job_name_zh_cn_trgm;
DROP INDEX ota_job_name_en_us_trgm;
DROP INDEX ota_job_firmware_name_zh_cn_trgm;
DROP INDEX ota_job_firmware_name_en_us_trgm;

CREATE INDEX ota_job_name_trgm                ON ota_job      USING gin (name_default public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_trgm       ON ota_job      USING gin (firmware_name_default public.gin_trgm_ops);
CREATE INDEX ota_job_text_content_trgm        ON ota_job_text USING gin (content public.gin_trgm_ops);
CREATE INDEX ota_job_name_zh_cn_trgm          ON ota_job      USING gin (name_zh_cn public.gin_trgm_ops);
CREATE INDEX ota_job_name_en_us_trgm          ON ota_job      USING gin (name_en_us public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_zh_cn_trgm ON ota_job      USING gin (firmware_name_zh_cn public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_en_us_trgm ON ota_job      USING gin (firmware_name_en_us public.gin_trgm_ops);
