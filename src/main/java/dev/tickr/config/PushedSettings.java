package dev.tickr.config;

import dev.tickr.assertion.MetricExpression;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a type whose results are pushed to Tickr (a heartbeat's pings) rather than probed
 * on an interval: a push is due every {@link #period()}, late after {@link #grace()} more.
 */
public interface PushedSettings extends TypeSettings {
  Duration period();

  Duration grace();

  /** The secret of the URL pushes arrive at as configured, or {@code null} when Tickr makes one. */
  @Nullable String token();

  /**
   * Where a push's count is read from its body (e.g. {@code [BODY].orders}), or {@code null}: then
   * a body that is only a number is the count.
   */
  default @Nullable MetricExpression count() {
    return null;
  }
}
