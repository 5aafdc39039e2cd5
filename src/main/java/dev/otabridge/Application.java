package dev.otabridge;

import org.apache.camel.main.Main;

/** Starts the bundle: camel-main reads application.properties and the YAML routes it names. */
public final class Application {

    private Application() {}

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(BundleConfiguration.class);
        main.run(args);
    }
}
