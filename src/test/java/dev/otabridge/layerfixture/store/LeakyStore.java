package dev.otabridge.layerfixture.store;

import dev.otabridge.layerfixture.api.EdgeError;

/** A store class that calls back up into the edge: what LayersTest must refuse. */
public class LeakyStore {

    public void refuse() {
        throw new EdgeError();
    }
}
