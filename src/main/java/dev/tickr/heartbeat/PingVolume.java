package dev.tickr.heartbeat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One heartbeat's volume over the last hour: how many success pings came and the sum of the counts
 * they carried, kept in one bucket per minute, so memory stays the same however often it is pinged.
 * Thread-safe.
 */
public final class PingVolume {
  /** The window the volume is measured over: an hour. */
  public static final Duration WINDOW = Duration.ofHours(1);

  /** The largest count one ping may carry. */
  public static final double MAX_COUNT = 1e12;

  private static final int MINUTES = (int) WINDOW.toMinutes();

  /**
   * Two hours of buckets: the pings of the minute after the hour do not overwrite the hour's first
   * minute before it is judged.
   */
  private static final int SLOTS = 2 * MINUTES;

  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,15}(\\.[0-9]{1,9})?");

  private final long[] minutes = new long[SLOTS];
  private final long[] pings = new long[SLOTS];
  private final double[] counts = new double[SLOTS];

  /** The pings and the sum of their counts in one window. */
  public record Totals(long pings, double count) {}

  public PingVolume() {
    Arrays.fill(minutes, Long.MIN_VALUE);
  }

  /**
   * Counts one success ping at {@code at}.
   *
   * @param count the number it carried, {@code null} when none (it adds nothing to the count)
   */
  public synchronized void add(Instant at, @Nullable Double count) {
    long minute = Math.floorDiv(at.getEpochSecond(), 60);
    int slot = Math.floorMod(minute, SLOTS);
    if (minutes[slot] != minute) {
      minutes[slot] = minute;
      pings[slot] = 0;
      counts[slot] = 0;
    }
    pings[slot]++;
    if (count != null) {
      counts[slot] += count;
    }
  }

  /** The pings of the last hour: those of the minute {@code now} is in and the 59 before it. */
  public synchronized Totals lastHour(Instant now) {
    long current = Math.floorDiv(now.getEpochSecond(), 60);
    long n = 0;
    double sum = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (minutes[i] <= current && minutes[i] > current - MINUTES) {
        n += pings[i];
        sum += counts[i];
      }
    }
    return new Totals(n, sum);
  }

  /**
   * A count as a ping writes it ({@code ?count=37}, or a body that is only a number): digits with
   * an optional fraction, from 0 to {@link #MAX_COUNT}; {@code null} for anything else.
   */
  public static @Nullable Double parse(String text) {
    String t = text.strip();
    if (!NUMBER.matcher(t).matches()) {
      return null;
    }
    return valid(new BigDecimal(t.startsWith("+") ? t.substring(1) : t).doubleValue());
  }

  /** {@code value} when it can be a count (finite, from 0 to {@link #MAX_COUNT}), else null. */
  public static @Nullable Double valid(double value) {
    return Double.isFinite(value) && value >= 0 && value <= MAX_COUNT ? value : null;
  }
}
