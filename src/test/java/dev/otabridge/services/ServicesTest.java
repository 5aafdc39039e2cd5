package dev.otabridge.services;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs the machine's servers (RabbitMQ, PostgreSQL), or runs too long for the plain
 * build. It runs with
 * {@code mvn -B -Pservices test}; the plain test run skips it and says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("services")
@ExtendWith(NeedsServices.class)
public @interface ServicesTest {}
