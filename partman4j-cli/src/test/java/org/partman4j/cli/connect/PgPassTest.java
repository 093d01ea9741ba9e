package org.partman4j.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {

  private static Optional<String> find(
      String file, String host, String port, String db, String user) {
    return PgPass.find(List.of(file.split("\n", -1)), host, port, db, user);
  }

  @Test
  void firstMatchingLineWins() {
    String file = "h:5432:db:u:first\nh:5432:db:u:second\n";
    assertThat(find(file, "h", "5432", "db", "u")).contains("first");
  }

  @Test
  void everyFieldMustMatchExactly() {
    String file = "h:5432:db:u:pw";
    assertThat(find(file, "h", "5432", "db", "u")).contains("pw");
    assertThat(find(file, "H", "5432", "db", "u")).isEmpty();
    assertThat(find(file, "h", "5433", "db", "u")).isEmpty();
    assertThat(find(file, "h", "5432", "db2", "u")).isEmpty();
    assertThat(find(file, "h", "5432", "db", "uu")).isEmpty();
    assertThat(find(file, "hh", "5432", "db", "u")).isEmpty();
  }

  @Test
  void aStarFieldMatchesAnything() {
    String file = "*:*:*:u:any\n*:*:*:*:fallback";
    assertThat(find(file, "x", "1", "d", "u")).contains("any");
    assertThat(find(file, "x", "1", "d", "v")).contains("fallback");
  }

  @Test
  void aStarInsideAFieldIsLiteral() {
    assertThat(find("h*:5432:db:u:pw", "hx", "5432", "db", "u")).isEmpty();
    assertThat(find("h*:5432:db:u:pw", "h*", "5432", "db", "u")).contains("pw");
    assertThat(find("\\*:5432:db:u:pw", "x", "5432", "db", "u")).isEmpty();
    assertThat(find("\\*:5432:db:u:pw", "*", "5432", "db", "u")).contains("pw");
  }

  @Test
  void backslashEscapesColonsAndBackslashes() {
    // An IPv6 host, a user with a colon, a password with both.
    String file = "\\:\\:1:5432:db:dom\\\\u\\:x:pa\\:ss\\\\word";
    assertThat(find(file, "::1", "5432", "db", "dom\\u:x")).contains("pa:ss\\word");
  }

  @Test
  void passwordEndsAtAnUnescapedColon() {
    assertThat(find("h:1:d:u:pw:extra", "h", "1", "d", "u")).contains("pw");
  }

  @Test
  void commentsBlankAndShortLinesAreSkipped() {
    String file = "# h:1:d:u:commented\n\nh:1:d\nh:1:d:u:real\r";
    assertThat(find(file, "h", "1", "d", "u")).contains("real");
    assertThat(find("#h:1:d:u:x", "#h", "1", "d", "u")).isEmpty();
  }

  @Test
  void anEmptyPasswordIsStillAMatch() {
    assertThat(find("h:1:d:u:", "h", "1", "d", "u")).contains("");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aFileOthersCanReadIsIgnoredWithAWarning(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pgpass");
    Files.writeString(file, "*:*:*:*:pw\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    List<String> warnings = new ArrayList<>();
    assertThat(PgPass.lookup(file, "h", "1", "d", "u", warnings::add)).isEmpty();
    assertThat(warnings).singleElement().asString().contains("chmod 0600");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    warnings.clear();
    assertThat(PgPass.lookup(file, "h", "1", "d", "u", warnings::add)).contains("pw");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aMissingFileIsQuietlyNoPassword(@TempDir Path dir) {
    List<String> warnings = new ArrayList<>();
    assertThat(PgPass.lookup(dir.resolve("none"), "h", "1", "d", "u", warnings::add)).isEmpty();
    assertThat(warnings).isEmpty();
  }
}
