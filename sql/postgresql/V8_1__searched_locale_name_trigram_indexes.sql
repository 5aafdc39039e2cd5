-- The plain name searches' other two columns (V8), indexed like the default names (V3_1), so that
-- PostgreSQL may combine the three trigram indexes of a plain name search.
CREATE INDEX ota_job_name_zh_cn_trgm          ON ota_job USING gin (LOWER(name_zh_cn) public.gin_trgm_ops);
CREATE INDEX ota_job_name_en_us_trgm          ON ota_job USING gin (LOWER(name_en_us) public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_zh_cn_trgm ON ota_job USING gin (LOWER(firmware_name_zh_cn) public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_en_us_trgm ON ota_job USING gin (LOWER(firmware_name_en_us) public.gin_trgm_ops);
