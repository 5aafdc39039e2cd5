package dev.otabridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.otabridge.store.JobInfo;
import dev.otabridge.store.OtaStore;
import dev.otabridge.store.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fleet for the benchmarks, the same for every run with the same seed: devices spread unevenly
 * over organizations (a few large, many small), products of ten organizations each, versions
 * that most devices have moved to and a tail that has not, about 5% upgrading; OTA jobs with names
 * in several locales. Devices go straight into the store and into the sync state as already seen,
 * so the detector starts with nothing to do; jobs go through the store's writer.
 */
public final class FleetGenerator {

    /** The shape of a fleet. */
    public record Fleet(int devices, int organizations, int products, int jobs, long seed) {

        public static final Fleet FULL = new Fleet(1_000_000, 100, 1_000, 100_000, 20261122L);

        public String orgId(int org) {
            return String.format("org%03d", org);
        }

        String productKey(int product) {
            return String.format("prod%04d", product);
        }

        /** Products belong to organizations round-robin: product p to organization p mod organizations. */
        int orgOfProduct(int product) {
            return product % organizations;
        }
    }

    private static final String[][] WORDS = {
        {"Upgrade", "升级", "アップグレード", "Actualización", "Aktualisierung"},
        {"Firmware", "固件", "ファームウェア", "Firmware", "Firmware"},
    };
    private static final String[] LOCALES = {"en_US", "zh_CN", "ja_JP", "es_ES", "de_DE"};
    private static final String[] STATUSES = {"started", "finished", "canceled", "paused"};

    private final ObjectMapper json = new ObjectMapper();

    public void generate(DataSource dataSource, Fleet fleet) {
        Random random = new Random(fleet.seed());
        writeDevices(dataSource, fleet, random);
        // the devices went in by plain SQL: their organizations' kept counts, as the sweep would correct them
        new OtaStore(new DataSourceTransactionManager(dataSource), json).recountDevices();
        writeJobs(dataSource, fleet, random);
    }

    /** The i-th version of a product's line, as devices report it. */
    static String version(int product, int step) {
        return (1 + product % 3) + "." + step + "." + (product % 7);
    }

    /** Devices per organization follow 1/(rank+1): organization 0 is the largest. */
    private static int[] organizationSizes(Fleet fleet) {
        double[] weight = new double[fleet.organizations()];
        double total = 0;
        for (int o = 0; o < weight.length; o++) {
            weight[o] = 1.0 / (o + 1);
            total += weight[o];
        }
        int[] sizes = new int[weight.length];
        int assigned = 0;
        for (int o = 0; o < weight.length; o++) {
            sizes[o] = (int) (fleet.devices() * weight[o] / total);
            assigned += sizes[o];
        }
        sizes[0] += fleet.devices() - assigned;
        return sizes;
    }

    private void writeDevices(DataSource dataSource, Fleet fleet, Random random) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        int productsPerOrg = fleet.products() / fleet.organizations();
        int[] sizes = organizationSizes(fleet);
        long now = System.currentTimeMillis();
        int serial = 0;
        for (int org = 0; org < fleet.organizations(); org++) {
            List<Object[]> devices = new ArrayList<>();
            List<Object[]> states = new ArrayList<>();
            for (int d = 0; d < sizes[org]; d++) {
                int product = org + fleet.organizations() * random.nextInt(productsPerOrg);
                // most devices on the newest of five versions, fewer on each older one
                int step = 4 - (int) Math.min(4, Math.floor(-Math.log(1 - random.nextDouble()) / 0.9));
                boolean upgrading = random.nextDouble() < 0.05;
                String assetId = String.format("a%07d", serial++);
                String version = version(product, step);
                devices.add(new Object[] {
                    fleet.orgId(org), assetId, fleet.productKey(product), "dk" + assetId, version, upgrading
                });
                states.add(new Object[] {
                    fleet.orgId(org),
                    assetId,
                    fleet.productKey(product),
                    "dk" + assetId,
                    version,
                    upgrading,
                    upgrading ? 1 : 0,
                    upgrading ? now - random.nextInt(3_600_000) : null,
                    upgrading ? version : null
                });
                if (devices.size() == 10_000 || d == sizes[org] - 1) {
                    List<Object[]> deviceBatch = devices;
                    List<Object[]> stateBatch = states;
                    transaction.executeWithoutResult(status -> {
                        jdbc.batchUpdate(
                                "INSERT INTO device_firmware (org_id, asset_id, product_key, device_key, "
                                        + "firmware_version,"
                                        + " is_upgrading) VALUES (?, ?, ?, ?, ?, ?)",
                                deviceBatch);
                        jdbc.batchUpdate(
                                "INSERT INTO device_sync_state (org_id, asset_id, product_key, device_key, "
                                        + "firmware_version,"
                                        + " is_upgrading, event_seq, upgrading_since, version_before_upgrade) VALUES "
                                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                stateBatch);
                    });
                    devices = new ArrayList<>();
                    states = new ArrayList<>();
                }
            }
        }
    }

    private void writeJobs(DataSource dataSource, Fleet fleet, Random random) {
        OtaStore store = new OtaStore(new DataSourceTransactionManager(dataSource), json);
        long yearAgo = System.currentTimeMillis() - 365L * 24 * 3_600_000;
        List<JobInfo> batch = new ArrayList<>();
        for (int j = 0; j < fleet.jobs(); j++) {
            int product = random.nextInt(fleet.products());
            int step = 1 + random.nextInt(4);
            String version = version(product, step);
            int wave = 1 + random.nextInt(20);
            ObjectNode scope = json.createObjectNode().put("type", "total");
            scope.putArray("versionNumbers").add(version(product, step - 1));
            batch.add(new JobInfo(
                    fleet.orgId(fleet.orgOfProduct(product)),
                    fleet.productKey(product),
                    String.format("job%06d", j),
                    names(random, 0, fleet.productKey(product) + " " + version + " #" + wave),
                    "fw" + product + "-" + step,
                    version,
                    names(random, 1, fleet.productKey(product) + " " + version),
                    random.nextInt(10) == 0 ? "verify" : "upgrade",
                    random.nextBoolean(),
                    random.nextBoolean() ? "silent" : null,
                    scope,
                    7200,
                    STATUSES[random.nextInt(STATUSES.length)],
                    yearAgo + (long) (random.nextDouble() * 365 * 24 * 3_600_000),
                    null,
                    null,
                    null));
            if (batch.size() == 1_000) {
                store.upsert(new Records(List.of(), batch));
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            store.upsert(new Records(List.of(), batch));
        }
    }

    /** A StringI18n: an English default, and the other locales for about two jobs in three. */
    private ObjectNode names(Random random, int word, String subject) {
        ObjectNode name = json.createObjectNode();
        name.put("defaultValue", WORDS[word][0] + " " + subject);
        ObjectNode i18n = name.putObject("i18nValue");
        for (int l = 0; l < LOCALES.length; l++) {
            if (random.nextInt(3) > 0) {
                i18n.put(LOCALES[l], WORDS[word][l] + " " + subject);
            }
        }
        return name;
    }
}
