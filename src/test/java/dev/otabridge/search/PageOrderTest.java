package dev.otabridge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageOrderTest {

    private final PageOrder devices = SearchTargets.deviceUpgrades().order();
    private final PageOrder jobs = SearchTargets.otaJobs(new ObjectMapper()).order();

    @Test
    void withoutPinnedColumnsThePageOrderIsTheOrganizationThenTheKey() {
        assertEquals("d.org_id, d.asset_id", devices.sql(Set.of()));
        assertEquals("j.org_id DESC, j.create_time DESC, j.job_id DESC", jobs.sql(Set.of()));
    }

    @Test
    void anIndexedRunJoinsTheOrderOnlyWhenEveryColumnOfItIsPinned() {
        assertEquals("d.org_id, d.product_key, d.asset_id", devices.sql(Set.of("d.product_key")));
        assertEquals(
                "d.org_id, d.is_upgrading, d.product_key, d.asset_id",
                devices.sql(Set.of("d.product_key", "d.is_upgrading")));
        assertEquals("d.org_id, d.is_upgrading, d.asset_id", devices.sql(Set.of("d.is_upgrading")));
        assertEquals("d.org_id, d.asset_id", devices.sql(Set.of("d.device_key")));
        assertEquals("j.org_id DESC, j.create_time DESC, j.job_id DESC", jobs.sql(Set.of("j.status")));
        assertEquals(
                "j.org_id DESC, j.status DESC, j.job_type DESC, j.create_time DESC, j.job_id DESC",
                jobs.sql(Set.of("j.status", "j.job_type")));
    }

    @Test
    void ofTwoRunsThatArePinnedTheLongerOneLeads() {
        assertEquals(
                "d.org_id, d.is_upgrading, d.product_key, d.asset_id",
                devices.sql(Set.of("d.firmware_version", "d.product_key", "d.is_upgrading")));
    }
}
