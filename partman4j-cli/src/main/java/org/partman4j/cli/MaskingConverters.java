package org.partman4j.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.partman4j.cli.connect.Secrets;

/** Logback converters that pass log messages and stack traces through {@link Secrets#mask}. */
public final class MaskingConverters {

  private MaskingConverters() {}

  /** {@code %maskedMsg}: the formatted message, passwords masked. */
  public static final class Message extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return Secrets.mask(super.convert(event));
    }
  }

  /** {@code %maskedEx}: the stack trace, passwords masked. */
  public static final class Throwable extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return Secrets.mask(super.convert(event));
    }
  }
}
