package dev.tickr.store;

/**
 * Where check results are written: buffered, and written in batches by one writer.
 *
 * <p>Thread-safe. Times are kept to the millisecond, durations to the microsecond. "Durable" means
 * it survives the process being killed. Failures to read or write throw {@link StoreException}.
 * Part of {@link Store}.
 */
public interface ResultSink {
  /**
   * Buffers a result; a single writer writes buffered results in batches within a quarter of a
   * second, so a crash loses at most what was appended in the last second. Never waits for I/O:
   * when the buffer is full it waits for the writer to make room, and logs that it did.
   */
  void append(CheckRecord r);

  /** Returns when everything appended before this call is durable. */
  void flush();
}
