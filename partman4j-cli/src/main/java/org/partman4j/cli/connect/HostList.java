package org.partman4j.cli.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * A URL's comma-separated {@code host[:port]} list: {@code db1:5432,db2}, {@code [::1]:5433}.
 *
 * @param hosts the hosts, IPv6 addresses without their brackets; an empty text for an empty entry
 * @param ports one port text per host ({@code ""} when that host has none), or null when no host
 *     has a port
 */
record HostList(List<String> hosts, List<String> ports) {

  /** Reads {@code spec}; {@code url} is only for messages. */
  static HostList parse(String spec, String url) {
    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    boolean anyPort = false;
    int i = 0;
    while (true) {
      String host;
      if (i < spec.length() && spec.charAt(i) == '[') {
        int close = spec.indexOf(']', i);
        if (close < 0) {
          throw bad(url, "an IPv6 address opened with '[' is not closed with ']'");
        }
        host = spec.substring(i + 1, close);
        if (host.isEmpty()) {
          throw bad(url, "the brackets [] hold no IPv6 address");
        }
        i = close + 1;
      } else {
        int end = i;
        while (end < spec.length() && spec.charAt(end) != ':' && spec.charAt(end) != ',') {
          end++;
        }
        host = spec.substring(i, end);
        i = end;
      }
      String port = "";
      if (i < spec.length() && spec.charAt(i) == ':') {
        int end = spec.indexOf(',', i);
        end = end < 0 ? spec.length() : end;
        port = spec.substring(i + 1, end);
        anyPort = true;
        i = end;
      }
      if (i < spec.length() && spec.charAt(i) != ',') {
        throw bad(url, "unexpected '" + spec.charAt(i) + "' after host \"" + host + "\"");
      }
      hosts.add(host);
      ports.add(port);
      if (i >= spec.length()) {
        break;
      }
      i++; // the comma
    }
    return new HostList(hosts, anyPort ? ports : null);
  }

  private static BadConnectionSettingException bad(String url, String what) {
    return new BadConnectionSettingException(
        "The URL \"" + url + "\" has a malformed host list: " + what + ".");
  }
}
