-- The name searches compare Unicode case-folded text (StoredText.folded), kept in the name columns
-- and ota_job_text at write time: folding can make a name longer (one character to at most three,
-- as ß to ss), so the columns take three times the 512 characters a name may have. V11_2 folds the
-- rows already stored.
ALTER TABLE ota_job ALTER COLUMN name_default SET DATA TYPE VARCHAR(1536);
ALTER TABLE ota_job ALTER COLUMN firmware_name_default SET DATA TYPE VARCHAR(1536);
ALTER TABLE ota_job ALTER COLUMN name_zh_cn SET DATA TYPE VARCHAR(1536);
ALTER TABLE ota_job ALTER COLUMN name_en_us SET DATA TYPE VARCHAR(1536);
ALTER TABLE ota_job ALTER COLUMN firmware_name_zh_cn SET DATA TYPE VARCHAR(1536);
ALTER TABLE ota_job ALTER COLUMN firmware_name_en_us SET DATA TYPE VARCHAR(1536);
ALTER TABLE ota_job_text ALTER COLUMN content SET DATA TYPE VARCHAR(1536);
