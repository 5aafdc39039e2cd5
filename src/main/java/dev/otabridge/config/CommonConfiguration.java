package dev.otabridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** What every concern shares: one JSON mapper and the clock. */
public class CommonConfiguration implements CamelConfiguration {

    @BindToRegistry("json")
    public ObjectMapper json() {
        return new ObjectMapper();
    }

    @BindToRegistry("clock")
    public Clock clock() {
        return Clock.systemUTC();
    }
}
