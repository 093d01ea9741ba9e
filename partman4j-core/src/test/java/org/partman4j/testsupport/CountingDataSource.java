package org.partman4j.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that counts the round trips its connections make: every statement execution, commit
 * and rollback (pgjdbc sends nothing for {@code setAutoCommit(false)}; the transaction's BEGIN
 * travels with its first statement).
 */
public final class CountingDataSource implements DataSource {

  private final DataSource source;
  private final AtomicInteger roundTrips = new AtomicInteger();

  public CountingDataSource(DataSource source) {
    this.source = source;
  }

  /** Round trips so far. */
  public int roundTrips() {
    return roundTrips.get();
  }

  /** Starts counting again from zero. */
  public void reset() {
    roundTrips.set(0);
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = source.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("commit") || name.equals("rollback")) {
                roundTrips.incrementAndGet();
              }
              Object result = invoke(method, real, args);
              if (result instanceof Statement st) {
                return countingStatement(st, method.getReturnType());
              }
              return result;
            });
  }

  private Object countingStatement(Statement st, Class<?> type) {
    return Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")) {
            roundTrips.incrementAndGet();
          }
          return invoke(method, st, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLException("not supported");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
