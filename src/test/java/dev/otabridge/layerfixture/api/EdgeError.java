package dev.otabridge.layerfixture.api;

/** An edge class the store below must not know: the fixture of LayersTest. */
public class EdgeError extends RuntimeException {}
