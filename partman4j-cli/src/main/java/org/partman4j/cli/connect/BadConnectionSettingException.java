package org.partman4j.cli.connect;

/**
 * A connection setting that cannot be used: a malformed URL, a port that is not a number, an
 * unknown parameter. The message names the setting and says what to write instead; it never holds a
 * password.
 */
public final class BadConnectionSettingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadConnectionSettingException(String message) {
    super(Secrets.mask(message));
  }
}
