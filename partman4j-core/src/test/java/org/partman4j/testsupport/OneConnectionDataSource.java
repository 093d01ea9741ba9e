package org.partman4j.testsupport;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that hands out the same physical connection every time, and whose connections'
 * {@code close()} does not close it — the way a pool behaves, reduced to what a test can inspect:
 * whatever a borrower leaves behind is visible to the next one.
 */
public final class OneConnectionDataSource implements DataSource, AutoCloseable {

  private final Connection physical;
  private int borrowed;

  public OneConnectionDataSource(DataSource source) throws SQLException {
    this.physical = source.getConnection();
  }

  /** The physical connection, for the test's own inspection. */
  public Connection physical() {
    return physical;
  }

  /** How many times a connection was handed out. */
  public int borrowed() {
    return borrowed;
  }

  @Override
  public Connection getConnection() {
    borrowed++;
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close":
                  return null;
                case "isClosed":
                  return physical.isClosed();
                default:
                  try {
                    return method.invoke(physical, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }

  @Override
  public Connection getConnection(String username, String password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() throws SQLException {
    physical.close();
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
  public <T> T unwrap(Class<T> iface) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
