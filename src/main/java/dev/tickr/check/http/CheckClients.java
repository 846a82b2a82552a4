package dev.tickr.check.http;

import dev.tickr.check.Deadline;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.net.CapturingTrustManager;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.check.net.IdentityKeyManager;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * One check's clients: its own connection pool that keeps nothing idle (no check reuses another's
 * connection, and no check scans another's), its own dispatcher, and a TLS set-up only once a hop
 * is {@code https}.
 */
final class CheckClients {
  private final HttpTarget target;
  private final CapturingTrustManager trust;
  private final IdentityKeyManager keys;
  private final OkHttpClient plain;
  private @Nullable OkHttpClient secure;

  CheckClients(
      OkHttpClient base,
      DeadlineResolver resolver,
      HttpTarget target,
      Deadline deadline,
      PhaseRecorder phases,
      CapturingTrustManager trust,
      IdentityKeyManager keys) {
    this.target = target;
    this.trust = trust;
    this.keys = keys;
    Duration budget = deadline.remaining();
    DeadlineDns dns = new DeadlineDns(deadline, resolver);
    OkHttpClient.Builder builder =
        base.newBuilder()
            .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
            // Its own dispatcher too: a shared one keeps every running call in one locked queue,
            // which thousands of checks in flight wait on and scan.
            .dispatcher(new Dispatcher())
            .dns(dns)
            .eventListener(phases)
            .connectTimeout(budget)
            .readTimeout(budget)
            .writeTimeout(budget);
    HttpProxy proxy = target.proxy();
    if (proxy != null) {
      ProxyRoute.apply(builder, proxy, dns);
    }
    this.plain = builder.build();
  }

  OkHttpClient forUrl(URI url) throws GeneralSecurityException {
    if (!url.getScheme().equalsIgnoreCase("https")) {
      return plain;
    }
    OkHttpClient client = secure;
    if (client == null) {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(new KeyManager[] {keys}, new TrustManager[] {trust}, null);
      OkHttpClient.Builder builder =
          plain.newBuilder().sslSocketFactory(tls.getSocketFactory(), trust);
      if (target.insecure()) {
        builder.hostnameVerifier((host, session) -> true);
      }
      client = builder.build();
      secure = client;
    }
    return client;
  }
}
