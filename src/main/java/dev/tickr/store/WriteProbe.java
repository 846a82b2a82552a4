package dev.tickr.store;

import java.util.concurrent.CompletableFuture;

/** Whether the store can be written now, for readiness checks. */
public interface WriteProbe {
  /**
   * Takes the write lock in a transaction that writes nothing, after the writes queued before it.
   *
   * @return completes when the store could be written, exceptionally with a {@link StoreException}
   *     when it could not
   */
  CompletableFuture<?> probeWrite();
}
