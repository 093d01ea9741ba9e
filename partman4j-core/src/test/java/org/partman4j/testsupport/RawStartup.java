package org.partman4j.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Logs in with a bare protocol-3 startup packet that names only the user and the database — what
 * psql sends when no PGTZ or PGOPTIONS are set — and returns the parameters the server reports. Its
 * {@code TimeZone} is the ground truth for "the zone a plain session of this role gets", which
 * pgjdbc cannot show because it always sends the JVM's zone.
 *
 * <p>Works only where the server lets the role in without a password (the embedded test server uses
 * trust authentication); otherwise returns empty and the caller skips.
 */
public final class RawStartup {

  private RawStartup() {}

  /** The reported parameters, or empty if the server asked for a password. */
  public static Optional<Map<String, String>> parameters(String jdbcUrl, String user)
      throws IOException {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    try (Socket socket = new Socket(uri.getHost(), port)) {
      socket.setSoTimeout(10_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream b = new DataOutputStream(body);
      b.writeInt(196608);
      for (String s : new String[] {"user", user, "database", database}) {
        b.write(s.getBytes(StandardCharsets.UTF_8));
        b.write(0);
      }
      b.write(0);
      out.writeInt(body.size() + 4);
      out.write(body.toByteArray());
      out.flush();
      Map<String, String> params = new HashMap<>();
      while (true) {
        char type = (char) in.readByte();
        byte[] payload = new byte[in.readInt() - 4];
        in.readFully(payload);
        switch (type) {
          case 'R' -> {
            if (payload[3] != 0 || payload[2] != 0 || payload[1] != 0 || payload[0] != 0) {
              return Optional.empty();
            }
          }
          case 'S' -> {
            String[] kv = new String(payload, StandardCharsets.UTF_8).split("\0");
            params.put(kv[0], kv.length > 1 ? kv[1] : "");
          }
          case 'E' ->
              throw new IOException(
                  "Server refused the login: " + new String(payload, StandardCharsets.UTF_8));
          case 'Z' -> {
            out.writeByte('X');
            out.writeInt(4);
            out.flush();
            return Optional.of(params);
          }
          default -> {
            // BackendKeyData, NoticeResponse: not needed
          }
        }
      }
    }
  }
}
