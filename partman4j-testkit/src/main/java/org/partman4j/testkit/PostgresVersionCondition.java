package org.partman4j.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link EnabledOnPostgres}. */
public final class PostgresVersionCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<AnnotatedElement> element = context.getElement();
    Optional<EnabledOnPostgres> range =
        element.flatMap(e -> AnnotationSupport.findAnnotation(e, EnabledOnPostgres.class));
    if (range.isEmpty()) {
      return ConditionEvaluationResult.enabled("no version range");
    }
    int major = PostgresServer.get().majorVersion();
    if (major >= range.get().min() && major <= range.get().max()) {
      return ConditionEvaluationResult.enabled("PostgreSQL " + major + " is in range");
    }
    return ConditionEvaluationResult.disabled(
        "needs PostgreSQL "
            + range.get().min()
            + ".."
            + range.get().max()
            + ", server is "
            + major);
  }
}
