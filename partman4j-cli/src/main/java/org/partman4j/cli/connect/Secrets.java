package org.partman4j.cli.connect;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of everything the command prints or logs. Every password the command learns
 * is {@link #register registered}; {@link #mask} replaces registered passwords, and anything that
 * looks like a password in a URL, with {@value #MASK}. Error printing and the log layout pass all
 * text through it. The command registers the passwords of the connection it resolved; parsing and
 * resolving register nothing, so they stay pure.
 */
public final class Secrets {

  /** What a password is replaced with. */
  public static final String MASK = "****";

  private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();

  /** {@code scheme://user:password@host}: the password of a URI's user information. */
  private static final Pattern URI_PASSWORD = Pattern.compile("(://[^/?#@\\s:]*:)[^@\\s]*(@)");

  /** {@code ?password=…} or {@code &password=…} in a URL, and {@code password=…} in conninfo. */
  private static final Pattern PARAM_PASSWORD =
      Pattern.compile("((?:^|[?&;\\s])(?i:password|sslpassword)=)([^&;\\s]*)");

  private Secrets() {}

  /** Remembers a password so that {@link #mask} hides it wherever it appears. */
  public static void register(String secret) {
    if (secret != null && !secret.isEmpty()) {
      KNOWN.add(secret);
    }
  }

  /** {@code text} with every known password, and every password-shaped part of a URL, masked. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : KNOWN) {
      out = out.replace(secret, MASK);
    }
    out = URI_PASSWORD.matcher(out).replaceAll("$1" + MASK + "$2");
    return PARAM_PASSWORD.matcher(out).replaceAll("$1" + MASK);
  }
}
