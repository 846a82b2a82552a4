package dev.tickr.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * The times a monitor runs: a fixed grid {@code k × interval + offset} in epoch time, where the
 * offset comes from the monitor's name. Planned times are computed, never accumulated, so they do
 * not drift; the offset is stable across restarts and spreads many monitors with one interval over
 * the whole interval instead of firing them in one burst.
 */
final class Slots {
  private Slots() {}

  static long offsetMillis(String name, Duration interval) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    // Spread with a multiplicative hash so similar names do not cluster.
    long mixed = crc.getValue() * 0x9E3779B97F4A7C15L;
    return Math.floorMod(mixed >>> 16, interval.toMillis());
  }

  /** The first slot strictly after {@code after}. */
  static Instant next(Instant after, Duration interval, long offsetMillis) {
    long period = interval.toMillis();
    long t = after.toEpochMilli() - offsetMillis;
    long k = Math.floorDiv(t, period) + 1;
    return Instant.ofEpochMilli(k * period + offsetMillis);
  }

  /** The first slot at or after {@code from}. */
  static Instant atOrAfter(Instant from, Duration interval, long offsetMillis) {
    return next(from.minusMillis(1), interval, offsetMillis);
  }
}
