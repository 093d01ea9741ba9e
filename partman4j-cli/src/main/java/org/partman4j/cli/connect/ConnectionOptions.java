package org.partman4j.cli.connect;

/**
 * The connection settings given on the command line, each null when not given.
 *
 * @param url a {@code jdbc:postgresql:} URL or a {@code postgres://}/{@code postgresql://} URI
 * @param host one host, or a comma-separated list tried in order
 * @param port one port, or one per host, comma-separated
 * @param dbname the database
 * @param user the user
 */
public record ConnectionOptions(String url, String host, String port, String dbname, String user) {

  /** No settings at all: everything from the environment and the defaults. */
  public static ConnectionOptions none() {
    return new ConnectionOptions(null, null, null, null, null);
  }
}
