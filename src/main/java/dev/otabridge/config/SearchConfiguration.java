package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.expression.ExpressionLimits;
import dev.otabridge.metrics.OtaMetrics;
import dev.otabridge.search.SearchTargets;
import dev.otabridge.search.SqlSearch;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.JobInfo;
import javax.sql.DataSource;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two searches and the limits on their expressions ({@code ota.expression.*}). */
public class SearchConfiguration implements CamelConfiguration {

    @BindToRegistry("expressionLimits")
    public ExpressionLimits limits(
            @PropertyInject("ota.expression.max-length") int maxLength,
            @PropertyInject("ota.expression.max-in-values") int maxInValues,
            @PropertyInject("ota.expression.max-depth") int maxDepth,
            @PropertyInject("ota.expression.max-comparisons") int maxComparisons) {
        return new ExpressionLimits(maxLength, maxInValues, maxDepth, maxComparisons);
    }

    @BindToRegistry("deviceUpgradeSearch")
    public SqlSearch<DeviceFirmware> deviceUpgradeSearch(
            DataSource dataSource,
            ExpressionLimits limits,
            @PropertyInject("ota.expression.cache-size") int cacheSize,
            OtaMetrics metrics) {
        return new SqlSearch<>(
                new JdbcTemplate(dataSource), SearchTargets.deviceUpgrades(), limits, cacheSize, metrics);
    }

    @BindToRegistry("otaJobSearch")
    public SqlSearch<JobInfo> otaJobSearch(
            DataSource dataSource,
            ExpressionLimits limits,
            @PropertyInject("ota.expression.cache-size") int cacheSize,
            OtaMetrics metrics,
            ObjectMapper json) {
        return new SqlSearch<>(new JdbcTemplate(dataSource), SearchTargets.otaJobs(json), limits, cacheSize, metrics);
    }
}
