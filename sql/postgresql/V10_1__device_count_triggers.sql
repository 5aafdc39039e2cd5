-- Keeps device_count (V10) equal to the rows of device_firmware per organization. Other instances
-- may still be writing while one migrates: the lock holds their writes back until the triggers and
-- the first count are committed together, so no row is counted twice or missed.
LOCK TABLE device_firmware IN SHARE ROW EXCLUSIVE MODE;

-- The function names device_count without a schema; SET search_path FROM CURRENT resolves it in
-- the schema this migration runs in, so a write from a session with another search_path (psql,
-- naming the table with its schema) is counted instead of failing.
CREATE FUNCTION device_count_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE device_count SET devices = devices - 1 WHERE org_id = OLD.org_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO device_count (org_id, devices) VALUES (NEW.org_id, 1)
            ON CONFLICT (org_id) DO UPDATE SET devices = device_count.devices + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER device_count_on_insert_or_delete AFTER INSERT OR DELETE ON device_firmware
    FOR EACH ROW EXECUTE FUNCTION device_count_change();

CREATE TRIGGER device_count_on_move AFTER UPDATE OF org_id ON device_firmware
    FOR EACH ROW WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id) EXECUTE FUNCTION device_count_change();

INSERT INTO device_count (org_id, devices) SELECT org_id, COUNT(*) FROM device_firmware GROUP BY org_id;
