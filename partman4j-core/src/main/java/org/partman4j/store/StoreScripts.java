package org.partman4j.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's scripts shipped in this jar, in version order.
 *
 * <p>They are listed here by name rather than discovered, because a class path cannot be listed
 * portably (jars, exploded directories, shaded and native images differ); a test checks that this
 * list and the resource directory agree.
 */
public final class StoreScripts {

  /** Every script, in order. Append new ones; never rename or edit a released one. */
  static final List<String> FILE_NAMES =
      List.of("V001__config_tables.sql", "V002__partition_timezone.sql", "V003__job_history.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

  private static final List<StoreScript> ALL = load();

  private StoreScripts() {}

  /** All scripts, in version order. */
  public static List<StoreScript> all() {
    return ALL;
  }

  /** The version a fully installed store has. */
  public static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  /** The checksum of a script's text: SHA-256 over UTF-8 with LF line endings, in hex. */
  public static String checksum(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  static StoreScript parse(String fileName, String text) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalStateException("Store script name " + fileName + " is not V###__words.sql");
    }
    return new StoreScript(
        Integer.parseInt(m.group(1)),
        m.group(2).replace('_', ' '),
        fileName,
        checksum(text),
        text.replace("\r\n", "\n"));
  }

  private static List<StoreScript> load() {
    List<StoreScript> scripts = new ArrayList<>();
    for (String fileName : FILE_NAMES) {
      StoreScript s = parse(fileName, read(fileName));
      if (s.version() != scripts.size() + 1) {
        throw new IllegalStateException(
            "Store script "
                + fileName
                + " is out of sequence; expected version "
                + (scripts.size() + 1));
      }
      scripts.add(s);
    }
    return List.copyOf(scripts);
  }

  private static String read(String fileName) {
    try (InputStream in = StoreScripts.class.getResourceAsStream(fileName)) {
      if (in == null) {
        throw new IllegalStateException("Store script " + fileName + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read store script " + fileName, e);
    }
  }
}
