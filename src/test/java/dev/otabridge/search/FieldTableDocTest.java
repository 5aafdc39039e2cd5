package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api.md's field tables are the enums' own: a change to a field must reach the documentation. */
class FieldTableDocTest {

    @Test
    void readmeCarriesBothFieldTablesAsTheEnumsWriteThem() throws Exception {
        String readme = Files.readString(Path.of("docs/api.md"));
        assertTrue(
                readme.contains(SearchTargets.DEVICE_UPGRADE_FIELDS.markdown()),
                "docs/api.md lacks Search Device Upgrade's table:\n" + SearchTargets.DEVICE_UPGRADE_FIELDS.markdown());
        assertTrue(
                readme.contains(SearchTargets.OTA_JOB_FIELDS.markdown()),
                "docs/api.md lacks Search OTA Job's table:\n" + SearchTargets.OTA_JOB_FIELDS.markdown());
    }
}
