package dev.tickr.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Latencies counted in fixed log-spaced buckets, so histograms of any minutes and days merge by
 * adding counts. Bucket 0 holds everything under 1 ms; bucket {@code i} (1..104) holds {@code [1 ms
 * * 1.12^(i-1), 1 ms * 1.12^i)}; the last bucket everything from about 131.5 s on.
 *
 * <p>A quantile is the nearest-rank value's bucket, reported as the bucket's geometric middle and
 * clamped to the observed minimum and maximum: within {@code sqrt(1.12) - 1}, about 5.9%, of the
 * true value between 1 ms and 131 s; below 1 ms it is at most 1 ms. Not thread-safe.
 */
final class Histogram {
  static final double GROWTH = 1.12;
  static final long FIRST_US = 1_000;
  static final int LOG_BUCKETS = 104;
  static final int SIZE = LOG_BUCKETS + 2;
  private static final double LOG_GROWTH = Math.log(GROWTH);
  private static final byte FORMAT = 1;

  private final long[] counts = new long[SIZE];

  static int index(long micros) {
    if (micros < FIRST_US) {
      return 0;
    }
    int i = 1 + (int) Math.floor(Math.log((double) micros / FIRST_US) / LOG_GROWTH);
    return Math.min(i, SIZE - 1);
  }

  /** The lower bound of bucket {@code i} (1..SIZE-1) in microseconds. */
  static double lowerBound(int i) {
    return FIRST_US * Math.pow(GROWTH, i - 1);
  }

  void add(long micros) {
    counts[index(micros)]++;
  }

  void merge(Histogram other) {
    for (int i = 0; i < SIZE; i++) {
      counts[i] += other.counts[i];
    }
  }

  long count() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The nearest-rank {@code q}-quantile in microseconds, clamped to {@code [min, max]}.
   *
   * @param q in {@code (0, 1]}
   * @throws IllegalStateException when the histogram is empty
   */
  long quantile(double q, long min, long max) {
    long n = count();
    if (n == 0) {
      throw new IllegalStateException("no values");
    }
    long rank = Math.max(1, (long) Math.ceil(q * n));
    long seen = 0;
    int i = 0;
    while (i < SIZE - 1) {
      seen += counts[i];
      if (seen >= rank) {
        break;
      }
      i++;
    }
    double estimate;
    if (i == 0) {
      estimate = FIRST_US;
    } else if (i == SIZE - 1) {
      estimate = max;
    } else {
      estimate = lowerBound(i) * Math.sqrt(GROWTH);
    }
    return Math.clamp(Math.round(estimate), min, max);
  }

  /** A compact form: a format byte, then (gap since the last non-empty bucket, count) varints. */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    out.write(FORMAT);
    int last = -1;
    for (int i = 0; i < SIZE; i++) {
      if (counts[i] != 0) {
        writeVarint(out, i - last);
        writeVarint(out, counts[i]);
        last = i;
      }
    }
    return out.toByteArray();
  }

  static Histogram decode(byte[] bytes) {
    Histogram h = new Histogram();
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      throw new StoreException("unknown latency histogram format");
    }
    int[] at = {1};
    int bucket = -1;
    while (at[0] < bytes.length) {
      bucket += (int) readVarint(bytes, at);
      long count = readVarint(bytes, at);
      if (bucket < 0 || bucket >= SIZE) {
        throw new StoreException("latency histogram bucket out of range: " + bucket);
      }
      h.counts[bucket] = count;
    }
    return h;
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVarint(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at[0] >= bytes.length) {
        break;
      }
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new StoreException("truncated latency histogram");
  }
}
