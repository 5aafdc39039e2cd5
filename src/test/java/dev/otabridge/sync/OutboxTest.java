package dev.otabridge.sync;

import static dev.otabridge.sync.SyncFixture.device;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

public class OutboxTest {

    private final SyncFixture sync = new SyncFixture(database());

    /** The store under test: HSQLDB here, PostgreSQL in the services profile. */
    protected HikariDataSource database() {
        return TestDatabase.fresh();
    }

    @BeforeEach
    void twoEventsForAOneForB() {
        sync.write(device("a", true, "1.0"), device("b", true, "1.0"));
        sync.write(device("a", false, "2.0"));
        sync.detector.tick();
    }

    @AfterEach
    void close() {
        sync.close();
    }

    private static List<String> describe(List<OutboxEvent> events) {
        return events.stream().map(e -> e.type() + " " + e.assetId()).toList();
    }

    @Test
    void onlyTheOldestUndeliveredEventOfEachDeviceIsHandedOut() {
        List<OutboxEvent> first = sync.outbox.nextBatch(10);
        assertEquals(List.of("UPGRADE_STARTED a", "UPGRADE_STARTED b"), describe(first));
        sync.outbox.markDelivered(first);
        assertEquals(List.of("UPGRADE_FINISHED a"), describe(sync.outbox.nextBatch(10)));
    }

    /**
     * Detection and the relay side by side, flipping the same devices over and over: every event
     * becomes its device's head in turn and is delivered, in each device's order; none is left
     * waiting behind a head that was passed on while it was written (without the detector passing
     * heads on after its commit, this lost heads in one run of three).
     */
    @Test
    void eventsDetectedWhileTheirDevicesHeadsArePassedOnAreEachDeliveredInOrder() throws Exception {
        int devices = 20;
        int rounds = 30;
        AtomicBoolean detecting = new AtomicBoolean(true);
        List<OutboxEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> relay = CompletableFuture.runAsync(() -> {
            while (detecting.get() || sync.outbox.counts().get("PENDING") > 0) {
                List<OutboxEvent> batch = sync.outbox.nextBatch(7);
                sync.outbox.markDelivered(batch);
                delivered.addAll(batch);
            }
        });
        try {
            for (int round = 0; round < rounds; round++) {
                DeviceFirmware[] flips = new DeviceFirmware[devices];
                for (int d = 0; d < devices; d++) {
                    flips[d] = device("flip" + d, round % 2 == 0, "v" + round);
                }
                sync.write(flips);
                sync.detector.tick();
            }
        } finally {
            detecting.set(false);
        }
        relay.get(60, TimeUnit.SECONDS);
        long events =
                sync.jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE asset_id LIKE 'flip%'", Long.class);
        assertEquals((long) devices * rounds, events);
        List<OutboxEvent> flipped =
                delivered.stream().filter(e -> e.assetId().startsWith("flip")).toList();
        assertEquals(events, flipped.size(), "each event delivered once");
        Map<String, Long> lastOfDevice = new HashMap<>();
        for (OutboxEvent event : flipped) {
            Long before = lastOfDevice.put(event.assetId(), event.id());
            assertTrue(before == null || before < event.id(), "in the device's order: " + event.assetId());
        }
    }

    /** The relay's passes overlap: each skips the events of those still running, and two run at most. */
    @Test
    void aPassSkipsTheEventsOfOneStillRunningAndAThirdWaitsForOneToEnd() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Exchange first = new DefaultExchange(camel);
        assertEquals(List.of("UPGRADE_STARTED a"), describe(sync.outbox.nextBatch(1, first)));
        assertEquals(List.of("UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(1, new DefaultExchange(camel))));
        assertEquals(List.of(), sync.outbox.nextBatch(1, new DefaultExchange(camel)), "two passes at most");
        // a pass that ends without marking its event gives it back to the next
        first.getExchangeExtension().handoverCompletions().forEach(done -> done.onComplete(first));
        assertEquals(List.of("UPGRADE_STARTED a"), describe(sync.outbox.nextBatch(1, new DefaultExchange(camel))));
    }

    /**
     * Two passes at a time, each taking, marking and ending as fast as it can: no event is handed
     * out twice, also where one pass reads its batch while the other marks and ends.
     */
    @Test
    void passesSideBySideNeverHandOutAnEventTwice() throws Exception {
        int devices = 1_000;
        DeviceFirmware[] upgrading = new DeviceFirmware[devices];
        for (int d = 0; d < devices; d++) {
            upgrading[d] = device("side" + d, true, "v1");
        }
        sync.write(upgrading);
        sync.detector.tick();
        CamelContext camel = new DefaultCamelContext();
        List<Long> handedOut = Collections.synchronizedList(new ArrayList<>());
        Runnable passes = () -> {
            while (sync.outbox.counts().get("PENDING") > 0) {
                Exchange pass = new DefaultExchange(camel);
                try {
                    List<OutboxEvent> batch = sync.outbox.nextBatch(5, pass);
                    batch.forEach(event -> handedOut.add(event.id()));
                    sync.outbox.markDelivered(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    pass.getExchangeExtension().handoverCompletions().forEach(done -> done.onComplete(pass));
                }
            }
        };
        CompletableFuture<Void> one = CompletableFuture.runAsync(passes);
        CompletableFuture<Void> other = CompletableFuture.runAsync(passes);
        CompletableFuture.allOf(one, other).get(120, TimeUnit.SECONDS);
        long events =
                sync.jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE asset_id LIKE 'side%'", Long.class);
        assertEquals(devices, events);
        assertEquals(handedOut.size(), new HashSet<>(handedOut).size(), "an event handed out twice");
    }

    /**
     * As a relay that stopped between the commit of its marking and passing the head on leaves it:
     * a delivered, its next event not a head.
     */
    private void leaveAHeadBehind() {
        OutboxEvent started = sync.outbox.nextBatch(1).get(0);
        sync.jdbc.update("UPDATE sync_outbox SET status = 'DELIVERED', is_head = FALSE WHERE id = ?", started.id());
        assertEquals(List.of("UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(10)));
    }

    @Test
    void aHeadLeftBehindIsPassedOnByTheInstanceThatTakesTheRelayOver() {
        leaveAHeadBehind();
        Outbox next = anotherInstance();
        sync.clock.advance(Duration.ofSeconds(11));
        assertEquals(List.of("UPGRADE_STARTED b", "UPGRADE_FINISHED a"), describe(next.nextBatch(10)));
    }

    @Test
    void aHeadLeftBehindIsPassedOnByTheReconciliationSweep() {
        leaveAHeadBehind();
        sync.detector.sweep();
        assertEquals(List.of("UPGRADE_STARTED b", "UPGRADE_FINISHED a"), describe(sync.outbox.nextBatch(10)));
    }

    @Test
    void aFailuresRecordedReasonNamesNoCredentialOfTheTarget() {
        OutboxEvent started = sync.outbox.nextBatch(10).get(0);
        sync.outbox.failed(
                started,
                new IllegalStateException("HTTP operation failed invoking "
                        + "https://hook:hunter2@receiver.example/hooks?password=swordfish with statusCode: 401"));
        String reason =
                sync.jdbc.queryForObject("SELECT last_error FROM sync_outbox WHERE id = ?", String.class, started.id());
        assertTrue(reason.contains("statusCode: 401") && reason.contains("receiver.example"), reason);
        assertFalse(reason.contains("hunter2") || reason.contains("swordfish"), reason);
    }

    @Test
    void aFailedEventWaitsWithGrowingDelaysAndHoldsBackItsDevice() {
        OutboxEvent started = sync.outbox.nextBatch(10).get(0);
        sync.outbox.failed(started, new IllegalStateException("broker down"));
        assertEquals(List.of("UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(10)));
        sync.clock.advance(Duration.ofMillis(999));
        assertEquals(List.of("UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(10)));
        sync.clock.advance(Duration.ofMillis(1));
        OutboxEvent retried = sync.outbox.nextBatch(10).get(0);
        assertEquals(started.eventId(), retried.eventId());
        assertEquals(1, retried.attempts());
        sync.outbox.failed(retried, new IllegalStateException("still down"));
        sync.clock.advance(Duration.ofMillis(1999));
        assertEquals(List.of("UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(10)));
        sync.clock.advance(Duration.ofMillis(1));
        assertEquals("UPGRADE_STARTED a", describe(sync.outbox.nextBatch(10)).get(0));
    }

    @Test
    void afterTheLastAttemptAnEventIsParkedVisiblyAndCanBeRedriven() {
        OutboxEvent event = sync.outbox.nextBatch(1).get(0);
        for (int attempt = 0; attempt < 3; attempt++) {
            sync.outbox.failed(
                    new OutboxEvent(
                            event.id(),
                            event.eventId(),
                            event.orgId(),
                            event.assetId(),
                            event.type(),
                            event.payload(),
                            attempt,
                            event.createdAt(),
                            event.traceParent()),
                    new IllegalStateException("rejected"));
        }
        assertEquals(1L, sync.outbox.counts().get("PARKED"));
        sync.clock.advance(Duration.ofHours(1));
        assertEquals(List.of("UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(10)));
        assertEquals(
                "IllegalStateException: rejected",
                sync.jdbc.queryForObject("SELECT last_error FROM sync_outbox WHERE id = ?", String.class, event.id()));
        assertEquals(Map.of("redriven", 1), sync.outbox.redriveParked());
        assertEquals(List.of("UPGRADE_STARTED a", "UPGRADE_STARTED b"), describe(sync.outbox.nextBatch(10)));
    }

    @Test
    void theFeedNarrowsToAnOrganizationAProductATypeAndADevice() {
        sync.write(new DeviceFirmware("other", "a", "p", "d", "1.0", true));
        sync.write(new DeviceFirmware("o", "q1", "q", "d", "1.0", true));
        sync.detector.tick();
        FeedRequest.Filter none = FeedRequest.Filter.NONE;
        assertEquals(List.of("o/a", "o/b", "o/a", "other/a", "o/q1"), subjects(new FeedRequest(0, 100)));
        assertEquals(List.of("other/a"), subjects(feed(none.org("other"))));
        assertEquals(List.of("o/a", "o/a"), subjects(feed(none.org("o").device("a"))));
        assertEquals(List.of("o/a"), subjects(feed(none.org("o").type(DeviceEvent.Type.UPGRADE_FINISHED))));
        assertEquals(List.of("o/q1"), subjects(feed(none.org("o").product("q"))));
        assertEquals(List.of(), subjects(feed(none.org("other").product("q"))));
    }

    private static FeedRequest feed(FeedRequest.Filter filter) {
        return new FeedRequest(0, 100, filter, Duration.ZERO);
    }

    @Test
    void aLongPollAnswersAsSoonAsAnEventArrivesAndEndsWhenTheBundleStops() throws Exception {
        long last = sync.outbox.feed(new FeedRequest(0, 100), () -> true).nextCursor();
        FeedRequest waiting = new FeedRequest(last, 100, FeedRequest.Filter.NONE.org("o"), Duration.ofSeconds(10));
        long started = System.nanoTime();
        CompletableFuture<FeedPage> poll = CompletableFuture.supplyAsync(() -> sync.outbox.feed(waiting, () -> true));
        sync.write(device("c", true, "1.0"));
        sync.detector.tick();
        List<FeedPage.Entry> events = poll.get(10, TimeUnit.SECONDS).events();
        assertEquals(1, events.size());
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(9).toNanos(), "answered before its wait ran out");
        long stopping = System.nanoTime();
        FeedRequest late = new FeedRequest(last + 1, 100, FeedRequest.Filter.NONE.org("o"), Duration.ofSeconds(10));
        assertEquals(List.of(), sync.outbox.feed(late, () -> false).events());
        assertTrue(System.nanoTime() - stopping < Duration.ofSeconds(5).toNanos(), "a stopping bundle waits no more");
    }

    @Test
    void onlyAFewRequestsWaitAtOnceAndTheNextIsAnsweredAtOnce() throws Exception {
        FeedRequest nothingComes =
                new FeedRequest(0, 100, FeedRequest.Filter.NONE.org("nobody"), Duration.ofSeconds(10));
        AtomicBoolean keepWaiting = new AtomicBoolean(true);
        List<CompletableFuture<FeedPage>> waiting = new ArrayList<>();
        for (int i = 0; i < Outbox.MAX_LONG_POLLS; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> sync.outbox.feed(nothingComes, keepWaiting::get)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sync.outbox.longPollsWaiting() == Outbox.MAX_LONG_POLLS);
        long asked = System.nanoTime();
        assertEquals(List.of(), sync.outbox.feed(nothingComes, () -> true).events());
        assertTrue(System.nanoTime() - asked < Duration.ofSeconds(5).toNanos(), "one more is answered at once");
        keepWaiting.set(false);
        for (CompletableFuture<FeedPage> poll : waiting) {
            assertEquals(List.of(), poll.get(10, TimeUnit.SECONDS).events());
        }
        assertEquals(0, sync.outbox.longPollsWaiting());
    }

    private List<String> subjects(FeedRequest request) {
        return sync.outbox.feed(request, () -> true).events().stream()
                .map(e -> e.event().subject())
                .toList();
    }

    @Test
    void theFeedReplaysEverythingAfterACursorInOrder() {
        List<FeedPage.Entry> events =
                sync.outbox.feed(new FeedRequest(0, 100), () -> true).events();
        assertEquals(3, events.size());
        long cursor = events.get(0).cursor();
        FeedPage rest = sync.outbox.feed(new FeedRequest(cursor, 1), () -> true);
        assertEquals(1, rest.events().size());
        assertEquals("UPGRADE_STARTED", rest.events().get(0).event().type());
        assertEquals(cursor + 1, rest.nextCursor());
        FeedPage end = sync.outbox.feed(new FeedRequest(999, 100), () -> true);
        assertEquals(List.of(), end.events());
        assertEquals(999L, end.nextCursor());
    }

    /** Another instance's outbox on the same store. */
    private Outbox anotherInstance() {
        return new Outbox(
                new DataSourceTransactionManager(sync.database),
                sync.json,
                sync.clock,
                new Outbox.RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)),
                Duration.ofSeconds(10),
                new OtaMetrics(new SimpleMeterRegistry()));
    }

    @Test
    void onlyTheHolderOfTheRelayLeaseHandsEventsOutUntilItStopsRenewing() {
        Outbox other = anotherInstance();
        assertEquals(2, sync.outbox.nextBatch(10).size());
        assertEquals(List.of(), other.nextBatch(10));
        sync.clock.advance(Duration.ofSeconds(9));
        assertEquals(2, sync.outbox.nextBatch(10).size(), "a pass renews the lease");
        sync.clock.advance(Duration.ofSeconds(9));
        assertEquals(List.of(), other.nextBatch(10));
        sync.clock.advance(Duration.ofSeconds(2));
        assertEquals(2, other.nextBatch(10).size(), "ten silent seconds: the other instance takes over");
        assertEquals(List.of(), sync.outbox.nextBatch(10));
    }

    @Test
    void oldDeliveredEventsArePurgedAndWithoutARelayOldPendingOnesToo() {
        OutboxEvent first = sync.outbox.nextBatch(10).get(0);
        sync.outbox.markDelivered(List.of(first));
        sync.clock.advance(Duration.ofDays(2));
        assertEquals(0, sync.outbox.purgeOlderThan(3, true));
        assertEquals(1, sync.outbox.purgeOlderThan(1, true));
        assertEquals(2L, sync.outbox.counts().get("PENDING"));
        assertEquals(2, sync.outbox.purgeOlderThan(1, false));
        assertEquals(0L, sync.outbox.counts().get("PENDING"));
    }
}
