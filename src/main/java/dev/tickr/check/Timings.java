package dev.tickr.check;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long each phase took, summed over every hop of a redirect chain. A phase that did not happen
 * (no TLS on plain HTTP, no response after a refused connection) is {@code null}; one that failed
 * or was cut short by the deadline has the time it took. {@code ttfb} runs from the moment the
 * request starts being sent until the answer's status line and headers have arrived (its first
 * byte, for a server that sends its head at once: OkHttp reports the head only when all of it is
 * in).
 */
public record Timings(
    @Nullable Duration dns,
    @Nullable Duration connect,
    @Nullable Duration tls,
    @Nullable Duration ttfb,
    Duration total) {

  public static Timings totalOnly(Duration total) {
    return new Timings(null, null, null, null, total);
  }
}
