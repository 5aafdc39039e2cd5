package dev.otabridge.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.MovableClock;
import dev.otabridge.store.StoreSetup;
import dev.otabridge.store.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay's and the mirror's leases: one holder at a time, handed over when the holder stops renewing. */
class LeaseTest {

    private final HikariDataSource database = TestDatabase.fresh();
    private final MovableClock clock = new MovableClock();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void oneInstanceHoldsEachLeaseUntilItStopsRenewing() {
        StoreSetup.migrate(database);
        for (String name : new String[] {"relay", "mirror"}) {
            Lease first = new Lease(database, name, Duration.ofSeconds(10), clock);
            Lease second = new Lease(database, name, Duration.ofSeconds(10), clock);
            assertTrue(first.hold(), name);
            assertFalse(second.hold(), name + " is held");
            clock.advance(Duration.ofSeconds(9));
            assertTrue(first.hold(), name + " renewed by its holder");
            clock.advance(Duration.ofSeconds(9));
            assertFalse(second.hold(), name + " was renewed 9 s ago");
            clock.advance(Duration.ofSeconds(2));
            assertTrue(second.hold(), name + " ran out: the next one takes it");
            assertFalse(first.hold(), name + " has a new holder");
        }
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceAndOnlyItsHolderCanReleaseIt() {
        StoreSetup.migrate(database);
        Lease first = new Lease(database, "relay", Duration.ofSeconds(10), clock);
        Lease second = new Lease(database, "relay", Duration.ofSeconds(10), clock);
        assertTrue(first.hold());
        second.release();
        assertFalse(second.hold(), "a release by another instance changes nothing");
        first.release();
        assertTrue(second.hold(), "taken at once, without waiting for the 10 s to run out");
        assertFalse(first.hold());
    }
}
