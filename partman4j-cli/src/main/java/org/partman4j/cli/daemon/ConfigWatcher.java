package org.partman4j.cli.daemon;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the daemon's configuration when its file changes (checked every {@link #POLL}) or the
 * process gets SIGHUP. A file that does not load is reported and the configuration in force is
 * kept.
 */
public final class ConfigWatcher {

  private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);

  /** How often the file's modification time and size are looked at. */
  static final Duration POLL = Duration.ofSeconds(2);

  private final Path file;
  private final ConfigLoader loader;
  private final Daemon daemon;
  private final Thread thread;
  private final Object wake = new Object();
  private boolean hangup; // guarded by wake
  private volatile boolean stopping;
  private Object lastSeen;

  public ConfigWatcher(Path file, ConfigLoader loader, Daemon daemon) {
    this.file = file;
    this.loader = loader;
    this.daemon = daemon;
    this.thread = new Thread(this::loop, "partman-config");
    this.thread.setDaemon(true);
    this.lastSeen = stamp();
  }

  /** Starts watching, and handles SIGHUP where the runtime lets us. */
  public void start() {
    thread.start();
    onHangup(this::reloadNow);
  }

  /** Reloads now, as SIGHUP does. */
  public void reloadNow() {
    synchronized (wake) {
      hangup = true;
      wake.notifyAll();
    }
  }

  public void stop() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void loop() {
    while (!stopping) {
      boolean asked;
      synchronized (wake) {
        if (!hangup) {
          try {
            wake.wait(POLL.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
        asked = hangup;
        hangup = false;
      }
      if (stopping) {
        return;
      }
      Object now = stamp();
      if (asked || !Objects.equals(now, lastSeen)) {
        lastSeen = now;
        reload(asked ? "SIGHUP" : "the file changed");
      }
    }
  }

  private void reload(String why) {
    try {
      daemon.reload(loader.load(file));
      log.info("Reloaded {} ({})", file, why);
    } catch (ConfigException e) {
      log.error("Not reloaded ({}): {}; the configuration in force is kept", why, e.getMessage());
    } catch (RuntimeException e) {
      log.error("Not reloaded ({}): {}; the configuration in force is kept", why, e.toString());
    }
  }

  private Object stamp() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return modified.toMillis() + ":" + Files.size(file);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Installs a SIGHUP handler through {@code sun.misc.Signal}, looked up reflectively because it is
   * not a standard API; where it is missing or the signal is taken, file changes still reload.
   */
  private static void onHangup(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler call =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              action.run();
              return null;
            }
            return method.invoke(action, args);
          };
      Object h = Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, call);
      Object hup = signal.getConstructor(String.class).newInstance("HUP");
      signal.getMethod("handle", signal, handler).invoke(null, hup, h);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      log.info("SIGHUP cannot be handled here ({}); the file is watched for changes instead", e);
    }
  }
}
