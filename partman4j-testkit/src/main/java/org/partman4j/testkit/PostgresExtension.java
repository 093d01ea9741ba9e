package org.partman4j.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test class its own database; see {@link PostgresTest}. */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NS)
        .getOrComputeIfAbsent(
            "database",
            k ->
                new ClosableDatabase(
                    TestDatabase.create(classContext.getRequiredTestClass().getSimpleName())),
            ClosableDatabase.class)
        .database();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** Dropped by JUnit when the class's store closes. */
  private record ClosableDatabase(TestDatabase database) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
    }
  }
}
