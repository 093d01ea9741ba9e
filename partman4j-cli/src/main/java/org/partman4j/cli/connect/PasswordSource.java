package org.partman4j.cli.connect;

/** Where the password of a connection came from. */
public enum PasswordSource {
  /** The {@code --url}. */
  URL,
  /** The {@code PGPASSWORD} environment variable. */
  PGPASSWORD,
  /** A pgpass file ({@code passfile}, {@code PGPASSFILE} or {@code ~/.pgpass}). */
  PGPASS_FILE,
  /** None was found; the server may not ask for one (trust, peer, certificates). */
  NONE
}
