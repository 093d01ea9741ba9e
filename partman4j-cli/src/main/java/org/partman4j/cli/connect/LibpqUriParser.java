package org.partman4j.cli.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a libpq connection URI, by libpq's rules: {@code
 * postgresql://[user[:password]@][host[:port][,...]][/dbname][?param=value&...]}, every part
 * percent-decoded ({@code +} stays a plus), query parameters by libpq's keywords.
 */
final class LibpqUriParser {

  private LibpqUriParser() {}

  static ConnectionUri parse(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    String user = null;
    String password = null;
    // libpq looks for '@' before the first '/' only.
    int at = -1;
    for (int i = 0; i < rest.length() && rest.charAt(i) != '/'; i++) {
      if (rest.charAt(i) == '@') {
        at = i;
      }
    }
    if (at >= 0) {
      String userinfo = rest.substring(0, at);
      int colon = userinfo.indexOf(':');
      user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon), url, "user name");
      if (colon >= 0) {
        password = decode(userinfo.substring(colon + 1), url, "password");
      }
      user = user.isEmpty() ? null : user;
      rest = rest.substring(at + 1);
    }
    int endOfHosts = indexOfAny(rest, "/?");
    String hostSpec = rest.substring(0, endOfHosts);
    rest = rest.substring(endOfHosts);
    List<String> hosts = null;
    List<String> ports = null;
    if (!hostSpec.isEmpty()) {
      HostList list = HostList.parse(hostSpec, url);
      hosts = list.hosts().stream().map(h -> decode(h, url, "host")).toList();
      ports = list.ports();
    }
    String dbname = null;
    if (rest.startsWith("/")) {
      int q = rest.indexOf('?');
      String db = rest.substring(1, q < 0 ? rest.length() : q);
      dbname = db.isEmpty() ? null : decode(db, url, "database name");
      rest = q < 0 ? "" : rest.substring(q);
    }
    String passfile = null;
    Map<String, String> props = new LinkedHashMap<>();
    if (rest.startsWith("?")) {
      for (String pair : rest.substring(1).split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw new BadConnectionSettingException(
              "The URL \"" + url + "\" has a parameter \"" + pair + "\" without '='.");
        }
        String key = decode(pair.substring(0, eq), url, "parameter name");
        String value = decode(pair.substring(eq + 1), url, "value of " + key);
        switch (key) {
          case "host", "hostaddr" -> {
            HostList list = HostList.parse(value, url);
            hosts = list.hosts();
            ports = list.ports() == null ? ports : list.ports();
          }
          case "port" -> ports = List.of(value.split(",", -1));
          case "dbname" -> dbname = value;
          case "user" -> user = value;
          case "password" -> password = value;
          case "passfile" -> passfile = value;
          case "ssl" -> {
            if (!"true".equals(value)) {
              throw new BadConnectionSettingException(
                  "The URL \"" + url + "\" has ssl=" + value + "; only ssl=true is accepted.");
            }
            props.put("sslmode", "require");
          }
          default -> {
            LibpqParameter p =
                LibpqParameter.byKeyword(key)
                    .orElseThrow(
                        () ->
                            new BadConnectionSettingException(
                                "The URL \""
                                    + url
                                    + "\" has the parameter \""
                                    + key
                                    + "\", which partman does not know; use one of host, port,"
                                    + " dbname, user, password, passfile, ssl, "
                                    + LibpqParameter.keywords()
                                    + ", or give pgjdbc properties in a jdbc:postgresql: URL."));
            props.put(p.pgjdbcName(), p.toPgjdbc(value));
          }
        }
      }
    }
    return new ConnectionUri(hosts, ports, dbname, user, password, passfile, props);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** Percent-decoding as libpq does it: {@code %XX} only, no {@code +}, no {@code %00}. */
  static String decode(String s, String url, String what) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int value = i + 2 < s.length() ? hex(s.charAt(i + 1), s.charAt(i + 2)) : -1;
      if (value < 0) {
        throw new BadConnectionSettingException(
            "The URL \"" + url + "\" has a malformed percent-escape in its " + what + ".");
      }
      if (value == 0) {
        throw new BadConnectionSettingException(
            "The URL \"" + url + "\" holds %00 in its " + what + ", which cannot be sent.");
      }
      bytes.write(value);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadConnectionSettingException(
          "The URL \"" + url + "\" has percent-escapes in its " + what + " that are not UTF-8.");
    }
  }

  private static int hex(char hi, char lo) {
    int h = Character.digit(hi, 16);
    int l = Character.digit(lo, 16);
    return h < 0 || l < 0 ? -1 : h * 16 + l;
  }
}
