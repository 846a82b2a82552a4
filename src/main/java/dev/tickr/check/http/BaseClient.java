package dev.tickr.check.http;

import dev.tickr.check.net.TrustStores;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * The HTTP client every check derives its own from, made once. Building it and the default trust
 * store loads the JDK's TLS stack and CA certificates (about half a second, seconds on a busy
 * machine): {@link #prepare} does it on a thread of its own while the caller goes on; {@link #get}
 * waits for it, or does it when nothing started it.
 */
final class BaseClient {
  private final FutureTask<OkHttpClient> made;
  private final AtomicBoolean started = new AtomicBoolean();

  BaseClient(TrustStores trustStores) {
    this.made =
        new FutureTask<>(
            () -> {
              var unused = trustStores.forExtraCas(List.of());
              return build();
            });
  }

  /** Starts building on a thread of its own; once. */
  void prepare() {
    if (started.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("tickr-http-client").start(made);
    }
  }

  OkHttpClient get() {
    if (started.compareAndSet(false, true)) {
      made.run();
    }
    try {
      return made.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the HTTP client was being set up", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set up the HTTP client: " + e.getCause(), e);
    }
  }

  private static OkHttpClient build() {
    return new OkHttpClient.Builder()
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        // Connect on the check's own (virtual) thread. Fast fallback races addresses on OkHttp's
        // shared task threads: under load a connect then waits in that queue and times out
        // "while connecting" against a healthy target, and the queue cost a quarter of the CPU of
        // a check. Addresses are tried in turn instead (as blackbox_exporter does).
        .fastFallback(false)
        .build();
  }
}
