package dev.otabridge.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.store.DeviceKeys;
import dev.otabridge.store.Organizations;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.TableStatistics;
import dev.otabridge.store.Upsert;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds isUpgrading transitions and writes them to the outbox. Each batch is one transaction that
 * reads change-log entries, writes the events and the devices' new state, and deletes the entries:
 * a crash anywhere in it leaves everything as it was, to be detected again with the same event ids.
 */
public final class TransitionDetector {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionDetector.class);

    /**
     * A device's sync state row, in the order the detector reads and writes it: the device as last
     * seen (the device row's columns), then what the detector keeps of it.
     */
    private static final List<Upsert.Column> STATE_ROW = Stream.concat(
                    OtaStore.DEVICE_COLUMNS.stream(),
                    Stream.of(
                            new Upsert.Column("event_seq", "BIGINT"),
                            new Upsert.Column("upgrading_since", "BIGINT"),
                            new Upsert.Column("version_before_upgrade", "VARCHAR(128)"),
                            new Upsert.Column("stall_reported", "BOOLEAN"),
                            new Upsert.Column("removed", "BOOLEAN")))
            .toList();

    private static final String STATE_COLUMNS =
            STATE_ROW.stream().map(Upsert.Column::name).collect(Collectors.joining(", "));

    private static final RowMapper<SyncState> STATES = (rs, i) -> new SyncState(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getBoolean(6),
            rs.getLong(7),
            (Long) rs.getObject(8, Long.class),
            rs.getString(9),
            rs.getBoolean(10),
            rs.getBoolean(11));

    private static final RowMapper<Observation> OBSERVATIONS = (rs, i) -> new Observation(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getBoolean(6),
            rs.getBoolean(7));

    /** A device with change-log entries still to read is the tick's to judge, not the sweep's. */
    private static final String NOT_PENDING = " AND NOT EXISTS (SELECT 1 FROM device_change c"
            + " WHERE c.org_id = %1$s.org_id AND c.asset_id = %1$s.asset_id)";

    /**
     * How the sweep walks a table in chunks: the next organization, and an organization's next keys (ORDER BY the whole
     * index prefix, for HSQLDB).
     */
    private record SweptTable(Organizations organizations, String assetsAfter) {
        static SweptTable of(String table) {
            return new SweptTable(
                    Organizations.of(table),
                    "SELECT asset_id FROM " + table
                            + " WHERE org_id = ? AND asset_id > ? ORDER BY org_id, asset_id FETCH FIRST ? ROWS ONLY");
        }
    }

    private static final SweptTable FIRMWARE_CHUNKS = SweptTable.of("device_firmware");
    private static final SweptTable STATE_CHUNKS = SweptTable.of("device_sync_state");

    /** Devices of one chunk (organization, asset after, asset up to) whose state differs from the store's. */
    private static final String DIFFERING =
            "SELECT d.org_id, d.asset_id, d.product_key, d.device_key, d.firmware_version,"
                    + " d.is_upgrading, FALSE FROM device_firmware d LEFT JOIN device_sync_state s"
                    + " ON s.org_id = d.org_id AND s.asset_id = d.asset_id"
                    + " WHERE d.org_id = ? AND d.asset_id > ? AND d.asset_id <= ?"
                    + " AND (s.org_id IS NULL OR s.removed OR s.is_upgrading <> d.is_upgrading)"
                    + NOT_PENDING.formatted("d");

    /** Devices of one chunk of states that the store no longer holds. */
    private static final String GONE = "SELECT s.org_id, s.asset_id, s.product_key, s.device_key, s.firmware_version,"
            + " FALSE, TRUE FROM device_sync_state s WHERE s.org_id = ? AND s.asset_id > ? AND s.asset_id <= ? AND "
            + "NOT s.removed"
            + " AND NOT EXISTS (SELECT 1 FROM device_firmware d WHERE d.org_id = s.org_id AND d.asset_id = s.asset_id)"
            + NOT_PENDING.formatted("s");

    private final JdbcTemplate jdbc;
    private final DeviceKeys deviceKeys;
    private final String upsertState;
    private final TableStatistics outboxStatistics;
    private final TransactionTemplate transaction;
    /** Passes heads on after a commit, in a transaction of its own: the committed one's connection stays bound. */
    private final TransactionTemplate afterCommit;

    private final OutboxHeads heads;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventOrigin origin;
    private final int batchSize;
    private final Duration stallAfter;
    private final OtaMetrics metrics;
    private static final ContextRunning RUNNING = new ContextRunning();

    private final AtomicBoolean sweeping = new AtomicBoolean();

    /**
     * @param origin     the events' CloudEvents source and dataschema
     * @param batchSize  change-log entries per transaction
     * @param stallAfter how long an upgrade may run before it is reported as stalled
     */
    public TransitionDetector(
            DataSourceTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            EventOrigin origin,
            int batchSize,
            Duration stallAfter,
            OtaMetrics metrics) {
        DataSource dataSource = transactions.getDataSource();
        this.jdbc = new JdbcTemplate(dataSource);
        this.deviceKeys = DeviceKeys.of(dataSource);
        this.upsertState = Upsert.of(dataSource).sql("device_sync_state", 2, STATE_ROW);
        this.outboxStatistics = TableStatistics.of(dataSource, "sync_outbox");
        this.transaction = new TransactionTemplate(transactions);
        this.afterCommit = new TransactionTemplate(transactions);
        this.afterCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.heads = new OutboxHeads(jdbc);
        this.json = json;
        this.clock = clock;
        this.origin = origin;
        this.batchSize = batchSize;
        this.stallAfter = stallAfter;
        this.metrics = metrics;
    }

    /**
     * Reads the change log to its end, batch by batch. Work grows with the number of writes since
     * the last tick, not with the fleet.
     *
     * @return the number of events written
     */
    public int tick() {
        int events = 0;
        Batch batch;
        do {
            batch = transaction.execute(status -> detectBatch());
            events += batch.events();
            outboxStatistics.wrote(batch.events());
        } while (batch.read() == batchSize);
        if (events > 0) {
            LOG.info("detected {} transition(s)", events);
        }
        return events;
    }

    private record Batch(int read, int events) {}

    private Batch detectBatch() {
        DetectorLock.take(jdbc);
        List<Long> seqs = new ArrayList<>();
        List<Observation> changes = jdbc.query(
                "SELECT org_id, asset_id, product_key, device_key, firmware_version, is_upgrading,"
                        + " removed, change_seq FROM device_change ORDER BY change_seq FETCH FIRST ? ROWS ONLY",
                (rs, i) -> {
                    seqs.add(rs.getLong(8));
                    return OBSERVATIONS.mapRow(rs, i);
                },
                batchSize);
        if (changes.isEmpty()) {
            return new Batch(0, 0);
        }
        long last = seqs.get(seqs.size() - 1);
        int events = observe(changes, false);
        // a closed range, not "<= last": PostgreSQL plans an open one on a table whose statistics are
        // older than its growth (autovacuum off or behind) as a scan of the whole change log, per batch
        jdbc.update("DELETE FROM device_change WHERE change_seq BETWEEN ? AND ?", seqs.get(0), last);
        jdbc.update("UPDATE sync_cursor SET value = ? WHERE name = 'detector'", last);
        return new Batch(changes.size(), events);
    }

    /**
     * Compares the whole store with the last state seen and writes corrective events, marked
     * {@code reconciled}, for what changed behind the bundle's back (a plain SQL UPDATE, DELETE or
     * INSERT). The only fleet-wide scan, so it runs on its own, slower schedule, and in chunks of
     * {@code batchSize} devices of one organization, each its own transaction: the detector's lock
     * is held for one chunk at a time, so ticks detect between chunks. A sweep asked for while one
     * runs is skipped; one stops between chunks once {@code keepGoing} says no (the next sweep
     * covers everything again). It first passes on the heads a process that stopped after a commit
     * may have left behind ({@link OutboxHeads#repair}).
     *
     * @return the number of events written
     */
    public int sweep(BooleanSupplier keepGoing) {
        if (!sweeping.compareAndSet(false, true)) {
            LOG.info("a reconciliation sweep is still running: this one is skipped");
            return 0;
        }
        try {
            heads.repair();
            int events = sweep(FIRMWARE_CHUNKS, DIFFERING, keepGoing) + sweep(STATE_CHUNKS, GONE, keepGoing);
            if (events > 0) {
                LOG.warn("reconciliation sweep found {} transition(s) made outside the bundle's write paths", events);
            }
            return events;
        } finally {
            sweeping.set(false);
        }
    }

    /** A sweep to its end: what tests and a caller without a shutdown to heed ask for. */
    public int sweep() {
        return sweep(() -> true);
    }

    /** The sweep of the Camel route: it stops between chunks once the context is stopping. */
    public int sweep(Exchange exchange) {
        return sweep(() -> RUNNING.matches(exchange));
    }

    /** One table's devices, organization by organization, {@code batchSize} at a time, in key order. */
    private int sweep(SweptTable table, String judge, BooleanSupplier keepGoing) {
        int events = 0;
        String org = table.organizations().after(jdbc, "");
        while (org != null && keepGoing.getAsBoolean()) {
            String from = "";
            List<String> assets;
            do {
                assets = jdbc.queryForList(table.assetsAfter(), String.class, org, from, batchSize);
                if (!assets.isEmpty()) {
                    String chunkOrg = org;
                    String after = from;
                    String last = assets.get(assets.size() - 1);
                    int found = transaction.execute(status -> {
                        DetectorLock.take(jdbc);
                        return observe(jdbc.query(judge, OBSERVATIONS, chunkOrg, after, last), true);
                    });
                    outboxStatistics.wrote(found);
                    events += found;
                    from = last;
                }
            } while (assets.size() == batchSize && keepGoing.getAsBoolean());
            org = table.organizations().after(jdbc, org);
        }
        return events;
    }

    /**
     * Reports, once per upgrade, every device that has been upgrading for longer than the stall
     * threshold. Reads only devices that are upgrading now.
     *
     * @return the number of events written
     */
    public int reportStalls() {
        return transaction.execute(status -> {
            DetectorLock.take(jdbc);
            long now = clock.millis();
            List<SyncState> stalled = jdbc.query(
                    "SELECT " + STATE_COLUMNS + " FROM device_sync_state WHERE is_upgrading = TRUE"
                            + " AND stall_reported = FALSE AND removed = FALSE AND upgrading_since <= ?",
                    STATES,
                    now - stallAfter.toMillis());
            Writes writes = new Writes(now);
            for (SyncState state : stalled) {
                writes.add(Transitions.stalled(state, now));
            }
            writes.flush();
            return stalled.size();
        });
    }

    private int observe(List<Observation> observations, boolean reconciled) {
        long now = clock.millis();
        Map<String, SyncState> states = loadStates(observations);
        Writes writes = new Writes(now);
        for (Observation o : observations) {
            String key = key(o.orgId(), o.assetId());
            Transitions.Outcome outcome = Transitions.apply(states.get(key), o, now, reconciled);
            if (outcome.next() != null) {
                writes.add(outcome);
                states.put(key, outcome.next());
            }
        }
        return writes.flush();
    }

    private static String key(String orgId, String assetId) {
        return orgId + "\u0000" + assetId;
    }

    /**
     * What a batch writes, sent to the database in two batched statements: each device's last state
     * once, however many entries it had, and the events in the order they were made.
     */
    private final class Writes {
        private final long now;
        private final String traceParent = DetectionTraceParent.current();
        private final Map<String, SyncState> states = new LinkedHashMap<>();
        private final List<Object[]> events = new ArrayList<>();

        Writes(long now) {
            this.now = now;
        }

        void add(Transitions.Outcome outcome) {
            SyncState s = outcome.next();
            states.put(key(s.orgId(), s.assetId()), s);
            if (outcome.event() != null) {
                DeviceEvent event = DeviceEvent.of(origin, outcome.type(), outcome.event(), traceParent);
                events.add(new Object[] {
                    event.id(),
                    s.orgId(),
                    s.assetId(),
                    event.type(),
                    write(event),
                    now,
                    now,
                    s.productKey(),
                    traceParent
                });
                // counted when written: a rolled-back batch counts again when detected again
                metrics.detected(event.type(), outcome.event().reconciled());
            }
        }

        /**
         * An event is its device's head when nothing of its device waits before it, in the outbox or
         * earlier in this batch; the relay hands out heads only. One written behind an undelivered
         * event that the relay marks delivered before this commits is passed on after the commit
         * ({@link OutboxHeads}).
         *
         * @return the number of events written
         */
        int flush() {
            jdbc.batchUpdate(
                    upsertState,
                    states.values().stream()
                            .map(s -> new Object[] {
                                s.orgId(),
                                s.assetId(),
                                s.productKey(),
                                s.deviceKey(),
                                s.firmwareVersion(),
                                s.isUpgrading(),
                                s.eventSeq(),
                                s.upgradingSince(),
                                s.versionBeforeUpgrade(),
                                s.stallReported(),
                                s.removed()
                            })
                            .toList());
            Map<String, Set<String>> devices =
                    DeviceKeys.byOrganization(events, e -> (String) e[1], e -> (String) e[2]);
            // undelivered is "not DELIVERED" rather than "PENDING or PARKED": an equality on status would
            // lead HSQLDB to the status index and through every pending event, not to the device index
            Set<String> waiting = new HashSet<>(deviceKeys.query(
                    jdbc,
                    "SELECT DISTINCT org_id, asset_id FROM sync_outbox WHERE status <> 'DELIVERED' AND %s",
                    devices,
                    (rs, i) -> key(rs.getString(1), rs.getString(2))));
            List<Object[]> rows = new ArrayList<>();
            Map<String, Set<String>> behind = new LinkedHashMap<>();
            for (Object[] e : events) {
                boolean head = waiting.add(key((String) e[1], (String) e[2]));
                if (!head) {
                    behind.computeIfAbsent((String) e[1], org -> new LinkedHashSet<>())
                            .add((String) e[2]);
                }
                Object[] row = Arrays.copyOf(e, e.length + 1);
                row[e.length] = head;
                rows.add(row);
            }
            if (!behind.isEmpty()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        afterCommit.executeWithoutResult(status -> heads.passOn(behind));
                    }
                });
            }
            jdbc.batchUpdate(
                    "INSERT INTO sync_outbox (event_id, org_id, asset_id, event_type, payload, created_at, status,"
                            + " attempts, next_attempt_at, product_key, trace_parent, is_head)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)",
                    rows);
            return events.size();
        }
    }

    /** The last state seen of every device observed. */
    private Map<String, SyncState> loadStates(List<Observation> observations) {
        Map<String, SyncState> states = new HashMap<>();
        deviceKeys
                .query(
                        jdbc,
                        "SELECT " + STATE_COLUMNS + " FROM device_sync_state WHERE %s",
                        DeviceKeys.byOrganization(observations, Observation::orgId, Observation::assetId),
                        STATES)
                .forEach(state -> states.put(key(state.orgId(), state.assetId()), state));
        return states;
    }

    private String write(DeviceEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
