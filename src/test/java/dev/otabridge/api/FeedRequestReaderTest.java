package dev.otabridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otabridge.sync.DeviceEvent;
import dev.otabridge.sync.FeedRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedRequestReaderTest {

    private final FeedRequestReader reader = new FeedRequestReader();

    @Test
    void absentParametersReadFromTheStartInPagesOfAHundred() {
        assertEquals(new FeedRequest(0, 100), reader.read(null));
        assertEquals(new FeedRequest(7, 1), reader.read("after=7&limit=1"));
    }

    @Test
    void feedParametersAreChecked() {
        assertEquals(
                "Invalid Argument limit:limit must be an integer from 1 to 1000",
                assertThrows(ApiException.class, () -> reader.read("limit=0")).getMessage());
        assertEquals(
                "Invalid Argument after:after must be an integer from 0 to 9223372036854775807",
                assertThrows(ApiException.class, () -> reader.read("after=x")).getMessage());
    }

    @Test
    void theFiltersNarrowTheFeedToAnOrganizationATypeOrADevice() {
        assertEquals(
                new FeedRequest(
                        3,
                        10,
                        FeedRequest.Filter.NONE
                                .org("o1")
                                .type(DeviceEvent.Type.UPGRADE_FINISHED)
                                .device("a1"),
                        Duration.ofSeconds(5)),
                reader.read("after=3&limit=10&orgId=o1&type=UPGRADE_FINISHED&assetId=a1&wait=5"));
        assertEquals(
                new FeedRequest(0, 100, FeedRequest.Filter.NONE.org("o1"), Duration.ZERO), reader.read("orgId=o1"));
        assertEquals(
                new FeedRequest(0, 100, FeedRequest.Filter.NONE.org("o1").product("p1"), Duration.ZERO),
                reader.read("orgId=o1&productKey=p1"));
    }

    @Test
    void anUnknownParameterOrValueIsRefusedNotIgnored() {
        assertEquals(
                "Invalid Argument query:unknown parameter; the feed takes after, limit, orgId, type, productKey,"
                        + " assetId and wait",
                assertThrows(ApiException.class, () -> reader.read("orgid=o1")).getMessage());
        assertEquals(
                "Invalid Argument type:type must be one of [UPGRADE_STARTED, UPGRADE_FINISHED, UPGRADE_STALLED]",
                assertThrows(ApiException.class, () -> reader.read("type=started"))
                        .getMessage());
        assertEquals(
                "Invalid Argument assetId:a device is named by orgId and assetId together",
                assertThrows(ApiException.class, () -> reader.read("assetId=a1"))
                        .getMessage());
        assertEquals(
                "Invalid Argument productKey:a product is named by orgId and productKey together",
                assertThrows(ApiException.class, () -> reader.read("productKey=p1"))
                        .getMessage());
        assertEquals(
                "Invalid Argument wait:wait must be an integer from 0 to 10",
                assertThrows(ApiException.class, () -> reader.read("wait=11")).getMessage());
        assertEquals(
                "Invalid Argument orgId:orgId must be at most 64 printable characters",
                assertThrows(ApiException.class, () -> reader.read("orgId=o%00"))
                        .getMessage());
    }
}
