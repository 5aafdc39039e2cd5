-- Keeps device_count (V10) equal to the rows of device_firmware per organization. The embedded
-- store has no other writer while it migrates, so the count of the rows already there is exact.
CREATE TRIGGER device_count_on_insert AFTER INSERT ON device_firmware
    REFERENCING NEW ROW AS added FOR EACH ROW
    MERGE INTO device_count c USING (VALUES (added.org_id)) AS v (org_id) ON c.org_id = v.org_id
        WHEN MATCHED THEN UPDATE SET devices = c.devices + 1
        WHEN NOT MATCHED THEN INSERT (org_id, devices) VALUES (v.org_id, 1);

CREATE TRIGGER device_count_on_delete AFTER DELETE ON device_firmware
    REFERENCING OLD ROW AS removed FOR EACH ROW
    UPDATE device_count SET devices = devices - 1 WHERE org_id = removed.org_id;

CREATE TRIGGER device_count_on_move AFTER UPDATE OF org_id ON device_firmware
    REFERENCING OLD ROW AS before NEW ROW AS after FOR EACH ROW WHEN (before.org_id <> after.org_id)
    BEGIN ATOMIC
        UPDATE device_count SET devices = devices - 1 WHERE org_id = before.org_id;
        MERGE INTO device_count c USING (VALUES (after.org_id)) AS v (org_id) ON c.org_id = v.org_id
            WHEN MATCHED THEN UPDATE SET devices = c.devices + 1
            WHEN NOT MATCHED THEN INSERT (org_id, devices) VALUES (v.org_id, 1);
    END;

INSERT INTO device_count (org_id, devices) SELECT org_id, COUNT(*) FROM device_firmware GROUP BY org_id;
