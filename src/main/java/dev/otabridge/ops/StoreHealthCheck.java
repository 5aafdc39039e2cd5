package dev.otabridge.ops;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Ready only while the store answers: without it neither the searches nor the sync can work. */
public final class StoreHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public StoreHealthCheck(DataSource dataSource) {
        super("ota", "store");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        // a database outage is not cured by restarting the bundle
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                builder.up();
            } else {
                builder.down().message("the store did not answer within 2 s");
            }
        } catch (Exception e) {
            builder.down().message("the store cannot be reached").error(e);
        }
    }
}
