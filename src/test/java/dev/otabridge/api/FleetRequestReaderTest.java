package dev.otabridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FleetRequestReaderTest {

    private final FleetRequestReader reader = new FleetRequestReader();

    @Test
    void takesOneOrganization() {
        assertEquals("yourOrgId", reader.read("orgId=yourOrgId"));
    }

    @Test
    void refusesNoOrganizationAnUnknownParameterAndAnIdThatCannotBeOne() {
        assertEquals(
                "Invalid Argument orgId:the fleet summary is of one organization: name it",
                assertThrows(ApiException.class, () -> reader.read(null)).getMessage());
        assertEquals(
                "Invalid Argument query:unknown parameter; the fleet summary takes orgId",
                assertThrows(ApiException.class, () -> reader.read("orgId=o&productKey=p"))
                        .getMessage());
        assertEquals(
                "Invalid Argument orgId:orgId must be at most 64 printable characters",
                assertThrows(ApiException.class, () -> reader.read("orgId=" + "x".repeat(65)))
                        .getMessage());
    }
}
