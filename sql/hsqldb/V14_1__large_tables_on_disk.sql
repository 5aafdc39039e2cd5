-- The tables that grow with the fleet and its events become CACHED: their rows live in the store's
-- .data file and HSQLDB's row cache, bounded below, holds some of them on the heap, where a MEMORY
-- table keeps every row there and a start reads them all back from the .script file. The small
-- tables stay in memory. The cache's size trades memory for the speed of a burst
-- (docs/decisions/0019-hsqldb-cached-tables.md).
SET TABLE device_firmware TYPE CACHED;
SET TABLE device_change TYPE CACHED;
SET TABLE device_sync_state TYPE CACHED;
SET TABLE sync_outbox TYPE CACHED;
SET TABLE ota_job TYPE CACHED;
SET TABLE ota_job_text TYPE CACHED;
SET FILES CACHE ROWS 500000;
SET FILES CACHE SIZE 131072;
