package dev.otabridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.otabridge.sync.FeedRequest;
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
}
