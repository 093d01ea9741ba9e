package org.partman4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.partman4j.cli.connect.Secrets;

/** The command's log layout (logback.xml) masks passwords in messages and stack traces. */
class CliLogMaskingTest {

  @Test
  void messagesAndStackTracesAreMasked() {
    Secrets.register("LogSecret#77");
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            "test",
            context.getLogger("org.partman4j.x"),
            Level.WARN,
            "connecting with {} to postgresql://u:Unregistered9@h/d",
            new IllegalStateException("failed for LogSecret#77"),
            new Object[] {"LogSecret#77"});

    MaskingConverters.Message message = new MaskingConverters.Message();
    assertThat(message.convert(event)).isEqualTo("connecting with **** to postgresql://u:****@h/d");

    MaskingConverters.Throwable trace = new MaskingConverters.Throwable();
    trace.setContext(context);
    trace.start();
    assertThat(trace.convert(event))
        .contains("IllegalStateException: failed for ****")
        .doesNotContain("LogSecret#77");
  }
}
