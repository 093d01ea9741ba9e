package org.partman4j.cli.daemon;

import java.util.List;

/**
 * The configuration file as written, every value still text; {@link ConfigLoader} checks it and
 * turns it into a {@link DaemonConfig}. Field names are the file's keys in camel case (the file
 * writes them in snake case).
 */
final class RawConfig {
  public RawHttp http;
  public RawHistory history;
  public String shutdownGrace;
  public List<RawDatabase> databases;

  static final class RawHttp {
    public String enabled;
    public String bind;
    public String port;
    public String token;
  }

  static final class RawHistory {
    public String keep;
  }

  static final class RawDatabase {
    public String name;
    public String url;
    public String passwordEnv;
    public String schema;
    public String interval;
    public String jitter;
    public String window;
    public List<String> at;
    public String timeZone;
    public String waitBetweenSets;
    public String analyze;
    public String role;
    public String lockTimeout;
    public List<RawSubscriber> subscribers;
  }

  static final class RawSubscriber {
    public String url;
    public String passwordEnv;
    public List<String> subscriptions;
  }
}
