package dev.otabridge.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** A benchmark at fleet scale: {@code mvn -B -Pbench verify} runs it; every other run skips it and says so. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("bench")
@ExtendWith(NeedsBench.class)
public @interface FleetBench {}
