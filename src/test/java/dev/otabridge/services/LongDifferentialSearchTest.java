package dev.otabridge.services;

import dev.otabridge.search.DifferentialSearchTest;

/** The differential search run at length on the embedded store: too long for the plain build. */
@ServicesTest
class LongDifferentialSearchTest extends DifferentialSearchTest {

    @Override
    protected int expressionsPerApi() {
        return 5_000;
    }
}
