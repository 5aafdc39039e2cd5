-- The name searches (name like 'x', firmwareName like 'x') are case-insensitive substring matches,
-- compiled to LOWER(column) LIKE '%x%'. A B-tree cannot serve a pattern that starts with a
-- wildcard; a trigram GIN index on the lowered text can, for any pattern of three or more
-- characters. pg_trgm ships with PostgreSQL and is a trusted extension: a user with CREATE on the
-- public schema may install it; otherwise a DBA runs this CREATE EXTENSION once, and it is a no-op here.
-- It lives in public, not in the bundle's schema, because one installation serves the whole database.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE INDEX ota_job_name_trgm          ON ota_job      USING gin (LOWER(name_default) public.gin_trgm_ops);
CREATE INDEX ota_job_firmware_name_trgm ON ota_job      USING gin (LOWER(firmware_name_default) public.gin_trgm_ops);
CREATE INDEX ota_job_text_content_trgm  ON ota_job_text USING gin (LOWER(content) public.gin_trgm_ops);
