package org.partman4j.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void passwordsInUrlsAreMaskedEvenWhenUnknown() {
    assertThat(Secrets.mask("bad url postgresql://u:notRegistered1@h/d"))
        .isEqualTo("bad url postgresql://u:****@h/d");
    assertThat(Secrets.mask("jdbc:postgresql://h/d?user=u&password=notRegistered2&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/d?user=u&password=****&ssl=true");
    assertThat(Secrets.mask("host=h password=notRegistered3 dbname=d"))
        .isEqualTo("host=h password=**** dbname=d");
  }

  @Test
  void registeredPasswordsAreMaskedAnywhere() {
    Secrets.register("Zq9!registered");
    assertThat(Secrets.mask("the server said Zq9!registered twice: Zq9!registered"))
        .isEqualTo("the server said **** twice: ****");
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    assertThat(Secrets.mask("postgresql://u@h:5432/d?sslmode=require"))
        .isEqualTo("postgresql://u@h:5432/d?sslmode=require");
    assertThat(Secrets.mask(null)).isNull();
  }
}
