-- A plain name search (name like 'x', firmwareName like 'x') matches the default name, the zh_CN
-- name or the en_US name. Those two locales' names are kept in the job row as well as in
-- ota_job_text, so that the search tests three columns of the row instead of running a sub-select
-- over the texts for every job of the organization, twice a request (for the count and the page;
-- docs/decisions/0010-locale-names-in-the-job-row.md). ota_job_text still serves the per-locale searches.
ALTER TABLE ota_job ADD COLUMN name_zh_cn VARCHAR(512);
ALTER TABLE ota_job ADD COLUMN name_en_us VARCHAR(512);
ALTER TABLE ota_job ADD COLUMN firmware_name_zh_cn VARCHAR(512);
ALTER TABLE ota_job ADD COLUMN firmware_name_en_us VARCHAR(512);

UPDATE ota_job SET
    name_zh_cn = (SELECT t.content FROM ota_job_text t
                  WHERE t.org_id = ota_job.org_id AND t.job_id = ota_job.job_id AND t.attr = 'name' AND t.locale = 'zh_CN'),
    name_en_us = (SELECT t.content FROM ota_job_text t
                  WHERE t.org_id = ota_job.org_id AND t.job_id = ota_job.job_id AND t.attr = 'name' AND t.locale = 'en_US'),
    firmware_name_zh_cn = (SELECT t.content FROM ota_job_text t
                  WHERE t.org_id = ota_job.org_id AND t.job_id = ota_job.job_id AND t.attr = 'firmwareName' AND t.locale = 'zh_CN'),
    firmware_name_en_us = (SELECT t.content FROM ota_job_text t
                  WHERE t.org_id = ota_job.org_id AND t.job_id = ota_job.job_id AND t.attr = 'firmwareName' AND t.locale = 'en_US');
