package dev.otabridge.services;

import dev.otabridge.http.FuzzHttpTest;

/** The full hostile-input run on the embedded store: 100,000 requests, too long for the plain build. */
@ServicesTest
class LongFuzzHttpTest extends FuzzHttpTest {

    @Override
    protected int requests() {
        return 100_000;
    }
}
