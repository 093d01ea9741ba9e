package org.partman4j.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs PostgreSQL: the class gets one fresh {@link TestDatabase}, injected
 * into constructors, {@code @BeforeAll}/{@code @BeforeEach} methods and test methods that declare a
 * parameter of that type, and dropped after the last test of the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {}
