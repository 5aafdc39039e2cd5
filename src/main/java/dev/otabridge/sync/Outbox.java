package dev.otabridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceKeys;
import dev.otabridge.store.Placeholders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as the relay and the event feed see it. A device's events leave in the order they
 * were detected: only the oldest undelivered event of each device is ever handed out, so a later
 * one cannot overtake an earlier one that is waiting for a retry or parked. Of several instances
 * on one store, only the one holding the relay lease hands events out.
 */
public final class Outbox {

    private static final Pattern URIS = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final long LONG_POLL_MILLIS = 200;
    /** A waiting request holds one of the HTTP server's worker threads: the rest are the searches'. */
    static final int MAX_LONG_POLLS = 4;

    private static final ContextRunning RUNNING = new ContextRunning();
    /** Relay passes at once: one publishing while the last waits for its confirms. */
    static final int PASSES_IN_FLIGHT = 2;

    private static final long PASS_WAIT_MILLIS = 1_000;
    /** Events per statement of a marking; lists are padded to a few fixed lengths (Placeholders.padded). */
    private static final int CHUNK = 500;

    /**
     * Parameters: now, and the most events to take. The order names the heads index's whole prefix,
     * although its first two columns are fixed here: HSQLDB reads a range in index order only then,
     * and otherwise reads and sorts every pending head (docs/decisions/0007-outbox-heads-in-id-order.md).
     */
    static final String NEXT_BATCH =
            "SELECT o.id, o.event_id, o.org_id, o.asset_id, o.event_type, o.payload, o.attempts, o.created_at,"
                    + " o.trace_parent"
                    + " FROM sync_outbox o WHERE o.is_head = TRUE AND o.status = 'PENDING' AND o.next_attempt_at <= ?"
                    + " ORDER BY o.is_head, o.status, o.id FETCH FIRST ? ROWS ONLY";

    private static final RowMapper<OutboxEvent> EVENTS = (rs, i) -> new OutboxEvent(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getInt(7),
            rs.getLong(8),
            rs.getString(9));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Lease relayLease;
    private final TransactionTemplate transaction;
    private final OtaMetrics metrics;
    private final Semaphore longPolls = new Semaphore(MAX_LONG_POLLS);
    private final OutboxHeads heads;
    /**
     * The events of the relay passes still running: an overlapping pass skips them. A pass's take and
     * a pass's end hold it, or a take that read an event before its pass marked it, and filtered after
     * that pass ended, would hand it out again.
     */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    private final Semaphore passes = new Semaphore(PASSES_IN_FLIGHT);
    /** Whether the last ask for the relay lease had it: the first ask that takes it repairs heads. */
    private volatile boolean leaseHeld;
    /** Rows of id, status and payload as the feed answers them. */
    private final RowMapper<FeedPage.Entry> entries =
            (rs, i) -> new FeedPage.Entry(rs.getLong(1), rs.getString(2), event(rs.getString(3)));

    /**
     * Delays grow from {@code first}, doubling up to {@code longest}; after {@code maxAttempts} the event is parked.
     */
    public record RetryPolicy(int maxAttempts, Duration first, Duration longest) {

        Duration delayAfter(int attempts) {
            long doubled = first.toMillis() << Math.min(attempts - 1, 30);
            return Duration.ofMillis(Math.min(doubled, longest.toMillis()));
        }
    }

    /** @param lease how long this instance keeps the relay after its last pass, when it stops renewing */
    public Outbox(
            DataSourceTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            RetryPolicy retry,
            Duration lease,
            OtaMetrics metrics) {
        DataSource dataSource = transactions.getDataSource();
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
        this.clock = clock;
        this.retry = retry;
        this.relayLease = new Lease(dataSource, "relay", lease, clock);
        this.transaction = new TransactionTemplate(transactions);
        this.metrics = metrics;
        this.heads = new OutboxHeads(jdbc);
        for (String status : List.of("PENDING", "PARKED")) {
            metrics.outboxGauge(
                    status,
                    () -> jdbc.queryForObject("SELECT COUNT(*) FROM sync_outbox WHERE status = ?", Long.class, status));
        }
    }

    /** On a graceful stop: another instance relays at its next pass instead of after the lease runs out. */
    public void releaseRelayLease() {
        relayLease.release();
    }

    /**
     * The events due now that are first in their device's queue, oldest first, but for those of
     * relay passes still running; none while another instance holds the relay lease. The
     * instance that takes the lease first passes on the heads a stopped one may have left behind.
     */
    public List<OutboxEvent> nextBatch(int limit) {
        if (!relayLease.hold()) {
            leaseHeld = false;
            return List.of();
        }
        if (!leaseHeld) {
            leaseHeld = true;
            heads.repair();
        }
        return jdbc.query(NEXT_BATCH, EVENTS, clock.millis(), limit + inFlight.size()).stream()
                .filter(event -> !inFlight.contains(event.id()))
                .limit(limit)
                .toList();
    }

    /**
     * A relay pass's batch: the pass is taken while up to {@value #PASSES_IN_FLIGHT - 1} earlier
     * ones still wait for their confirms, so the broker has the next events before the last are
     * confirmed; with as many in flight, it waits up to {@value #PASS_WAIT_MILLIS} ms for one to end
     * (and takes nothing if none does). Its events are skipped by the passes after it until it
     * ends, marked, failed or left for later.
     */
    public List<OutboxEvent> nextBatch(int limit, Exchange pass) throws InterruptedException {
        if (!passes.tryAcquire(PASS_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            return List.of();
        }
        List<OutboxEvent> batch;
        try {
            synchronized (inFlight) {
                batch = nextBatch(limit);
                batch.forEach(event -> inFlight.add(event.id()));
            }
        } catch (RuntimeException e) {
            passes.release();
            throw e;
        }
        pass.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                synchronized (inFlight) {
                    batch.forEach(event -> inFlight.remove(event.id()));
                }
                passes.release();
            }
        });
        return batch;
    }

    /**
     * Marks the events that every target acknowledged delivered, in a statement per
     * {@value #CHUNK} events rather than a commit per event, then passes their devices' heads on.
     * It takes no lock the detector holds: both pass heads on after their commits
     * ({@link OutboxHeads}). A crash before the commit publishes the events again, under the same ids.
     */
    public void markDelivered(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long now = clock.millis();
        transaction.executeWithoutResult(status -> {
            for (int from = 0; from < events.size(); from += CHUNK) {
                List<Object> ids =
                        Placeholders.padded(events.subList(from, Math.min(events.size(), from + CHUNK)).stream()
                                .<Object>map(OutboxEvent::id)
                                .toList());
                List<Object> parameters = new ArrayList<>(List.of(now));
                parameters.addAll(ids);
                jdbc.update(
                        "UPDATE sync_outbox SET status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1,"
                                + " last_error = NULL, is_head = FALSE WHERE id IN ("
                                + Placeholders.of(ids.size()) + ")",
                        parameters.toArray());
            }
        });
        heads.passOn(DeviceKeys.byOrganization(events, OutboxEvent::orgId, OutboxEvent::assetId));
        events.forEach(event -> metrics.delivered(event.type(), Duration.ofMillis(now - event.createdAt())));
    }

    /** A failed webhook's message names its URL: never with its user info or a secret option. */
    private static String withoutCredentials(String message) {
        return URIS.matcher(message).replaceAll(uri -> Matcher.quoteReplacement(URISupport.sanitizeUri(uri.group())));
    }

    /** A target refused the event or could not be reached: retry later, or park it after the last attempt. */
    public void failed(OutboxEvent event, Exception cause) {
        int attempts = event.attempts() + 1;
        String reason = cause == null
                ? "unknown"
                : withoutCredentials(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        metrics.deliveryFailed(attempts >= retry.maxAttempts());
        if (attempts >= retry.maxAttempts()) {
            jdbc.update(
                    "UPDATE sync_outbox SET status = 'PARKED', attempts = ?, last_error = ? WHERE id = ?",
                    attempts,
                    reason,
                    event.id());
            LOG.error(
                    "event {} ({} of {}/{}) parked after {} attempts: {}",
                    event.eventId(),
                    event.type(),
                    event.orgId(),
                    event.assetId(),
                    attempts,
                    reason);
            return;
        }
        long next = clock.millis() + retry.delayAfter(attempts).toMillis();
        jdbc.update(
                "UPDATE sync_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts,
                next,
                reason,
                event.id());
        LOG.warn(
                "event {} not delivered (attempt {}), retrying in {} ms: {}",
                event.eventId(),
                attempts,
                next - clock.millis(),
                reason);
    }

    /**
     * Forgets events older than {@code days}: delivered ones, and, when no relay delivers (the feed
     * is then the only way out), pending ones too. Parked events stay until an operator acts.
     *
     * @return how many were deleted
     */
    public int purgeOlderThan(int days, boolean relayEnabled) {
        Duration keep = Duration.ofDays(days);
        long cutoff = clock.millis() - keep.toMillis();
        int purged = jdbc.update("DELETE FROM sync_outbox WHERE status = 'DELIVERED' AND delivered_at < ?", cutoff);
        if (!relayEnabled) {
            purged += jdbc.update("DELETE FROM sync_outbox WHERE status = 'PENDING' AND created_at < ?", cutoff);
        }
        if (purged > 0) {
            LOG.info("purged {} event(s) older than {} from the outbox", purged, keep);
        }
        return purged;
    }

    /** Puts every parked event back in line, with a fresh count of attempts. */
    public Map<String, Integer> redriveParked() {
        int count = jdbc.update(
                "UPDATE sync_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE status = 'PARKED'",
                clock.millis());
        LOG.info("{} parked event(s) put back in line", count);
        return Map.of("redriven", count);
    }

    /**
     * Events after {@code after}, in detection order, whatever their delivery status, narrowed to an
     * organization, a type or a device when the request names them: a consumer without a broker
     * reads the bundle's events here, and one that missed some replays them. When there is none yet
     * and the request may wait, the outbox is read again every {@value #LONG_POLL_MILLIS} ms until the
     * first arrives (written by any instance on the store), the wait ends, or {@code keepWaiting} says no.
     * At most {@value #MAX_LONG_POLLS} requests wait at once; another is answered at once.
     */
    public FeedPage feed(FeedRequest request, BooleanSupplier keepWaiting) {
        List<FeedPage.Entry> events = events(request);
        if (events.isEmpty() && !request.longPoll().isZero() && longPolls.tryAcquire()) {
            try {
                long deadline = System.nanoTime() + request.longPoll().toNanos();
                while (events.isEmpty() && System.nanoTime() < deadline && keepWaiting.getAsBoolean()) {
                    LockSupport.parkNanos(Duration.ofMillis(LONG_POLL_MILLIS).toNanos());
                    events = events(request);
                }
            } finally {
                longPolls.release();
            }
        }
        return new FeedPage(
                events,
                events.isEmpty()
                        ? request.after()
                        : events.get(events.size() - 1).cursor());
    }

    /** How many requests wait in a long poll now. */
    int longPollsWaiting() {
        return MAX_LONG_POLLS - longPolls.availablePermits();
    }

    /** The feed of the Camel route: a long poll ends once the context is stopping. */
    public FeedPage feed(FeedRequest request, Exchange exchange) {
        return feed(request, () -> RUNNING.matches(exchange));
    }

    private List<FeedPage.Entry> events(FeedRequest request) {
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> parameters = new ArrayList<>(List.of(request.after()));
        FeedRequest.Filter filter = request.filter();
        filter.orgId().ifPresent(orgId -> {
            where.append(" AND org_id = ?");
            parameters.add(orgId);
        });
        filter.productKey().ifPresent(productKey -> {
            where.append(" AND product_key = ?");
            parameters.add(productKey);
        });
        filter.assetId().ifPresent(assetId -> {
            where.append(" AND asset_id = ?");
            parameters.add(assetId);
        });
        filter.type().ifPresent(type -> {
            where.append(" AND event_type = ?");
            parameters.add(type.name());
        });
        parameters.add(request.limit());
        return jdbc.query(
                "SELECT id, status, payload FROM sync_outbox WHERE " + where + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                entries,
                parameters.toArray());
    }

    /** How many events wait in each status: what an operator watches. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("PENDING", 0L, "DELIVERED", 0L, "PARKED", 0L));
        jdbc.query("SELECT status, COUNT(*) FROM sync_outbox GROUP BY status", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /**
     * One organization's undelivered events: pending and parked, and when the oldest pending one
     * was detected. A status at a time, so that HSQLDB reads the status-led index (with both in one
     * statement it reads the organization's whole history): the cost is the backlog's, which a
     * relay that keeps up holds near empty.
     */
    public Backlog backlogOf(String orgId) {
        String ofStatus = "SELECT COUNT(*), MIN(created_at) FROM sync_outbox WHERE status = ? AND org_id = ?";
        RowMapper<long[]> countAndOldest = (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)};
        long[] pending = jdbc.queryForObject(ofStatus, countAndOldest, "PENDING", orgId);
        long parked = jdbc.queryForObject(ofStatus, countAndOldest, "PARKED", orgId)[0];
        return pending[0] == 0
                ? new Backlog(0, parked, null, 0)
                : new Backlog(
                        pending[0],
                        parked,
                        Instant.ofEpochMilli(pending[1]).toString(),
                        Math.max(0, (clock.millis() - pending[1]) / 1000));
    }

    /** An organization's undelivered events; the lag is the oldest pending event's age, 0 when none waits. */
    public record Backlog(long pending, long parked, String oldestPendingDetectedAt, long deliveryLagSeconds) {}

    /** The organization's newest events, newest first. */
    public List<FeedPage.Entry> latest(String orgId, int limit) {
        return jdbc.query(
                "SELECT id, status, payload FROM sync_outbox WHERE org_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                entries,
                orgId,
                limit);
    }

    private DeviceEvent event(String payload) {
        try {
            return json.readValue(payload, DeviceEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload is not JSON", e);
        }
    }
}
