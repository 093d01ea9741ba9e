package org.partman4j.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the annotated test only when the test server's major version is in [min, max]. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresVersionCondition.class)
public @interface EnabledOnPostgres {
  int min() default 14;

  int max() default Integer.MAX_VALUE;
}
