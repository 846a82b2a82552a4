package dev.tickr.check.tls;

import dev.tickr.check.Body;
import dev.tickr.check.Check;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Timings;
import dev.tickr.check.TlsInfo;
import dev.tickr.check.TlsTarget;
import dev.tickr.check.net.CapturingTrustManager;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.check.net.Dialer;
import dev.tickr.check.net.NetFailures;
import dev.tickr.check.net.TrustStores;
import dev.tickr.time.Ticker;
import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Probes a TLS endpoint for its certificate alone: connects, shakes hands with SNI set to the host,
 * and closes without sending a request. The host name is verified as HTTPS verifies it unless the
 * target is insecure. The chain is captured even when validation fails, so an expired or untrusted
 * certificate still reports when it expires and {@code [CERTIFICATE_EXPIRATION]} can be judged.
 */
public final class TlsCheck implements Check<TlsTarget> {
  private static final String HANDSHAKE = "in the TLS handshake";

  private final Clock clock;
  private final Ticker ticker;
  private final Dialer dialer;
  private final TrustStores trustStores = new TrustStores();

  /** Closes a socket whose handshake outlives the deadline, however slowly the server drips. */
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("tickr-tls-deadline").factory());

  public TlsCheck(Clock clock, Ticker ticker) {
    this.clock = clock;
    this.ticker = ticker;
    this.dialer = new Dialer(ticker, new DeadlineResolver());
  }

  @Override
  public Observation observe(TlsTarget target, Deadline deadline) {
    long start = ticker.nanos();
    Dialer.Dial dial = dialer.dial(target.host(), target.port(), deadline);
    Socket socket = dial.socket();
    if (socket == null) {
      return observation(target, dial, start, null, null, dial.failure());
    }
    CapturingTrustManager trust =
        new CapturingTrustManager(
            target.insecure() ? null : trustStores.forExtraCas(target.extraCas()));
    long handshakeStart = ticker.nanos();
    AtomicBoolean timedOut = new AtomicBoolean();
    Closeable open = socket;
    try {
      SSLSocket tls = wrap(socket, target, trust, deadline);
      open = tls;
      ScheduledFuture<?> guard =
          watchdog.schedule(
              () -> {
                timedOut.set(true);
                closeQuietly(socket);
              },
              deadline.remaining().toNanos(),
              TimeUnit.NANOSECONDS);
      try {
        tls.startHandshake();
      } finally {
        guard.cancel(false);
      }
      SSLSession session = tls.getSession();
      TlsInfo info =
          new TlsInfo(
              x509(session.getPeerCertificates()), session.getProtocol(), session.getCipherSuite());
      return observation(target, dial, start, ticker.since(handshakeStart), info, null);
    } catch (IOException e) {
      Duration handshake = ticker.since(handshakeStart);
      List<X509Certificate> chain = trust.presented();
      TlsInfo info = chain.isEmpty() ? null : new TlsInfo(chain, null, null);
      Failure failure =
          timedOut.get() || deadline.expired() || e instanceof SocketTimeoutException
              ? NetFailures.timeout(deadline, HANDSHAKE)
              : describe(e, target, trust);
      return observation(target, dial, start, handshake, info, failure);
    } catch (GeneralSecurityException | RuntimeException e) {
      Failure internal = new Failure(Reason.INTERNAL, "internal error: " + e);
      return observation(target, dial, start, null, null, internal);
    } finally {
      closeQuietly(open);
    }
  }

  private static SSLSocket wrap(
      Socket socket, TlsTarget target, CapturingTrustManager trust, Deadline deadline)
      throws GeneralSecurityException, IOException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    SSLSocket tls =
        (SSLSocket)
            context.getSocketFactory().createSocket(socket, target.host(), target.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    if (!target.insecure()) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!DeadlineResolver.isIpLiteral(target.host())) {
      try {
        parameters.setServerNames(List.of(new SNIHostName(target.host())));
      } catch (IllegalArgumentException notAnSniName) {
        // Names SNI cannot carry (trailing dot, underscore) are sent without SNI, as browsers do.
      }
    }
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(
        (int) Math.max(1, Math.min(Integer.MAX_VALUE, deadline.remainingMillisRoundedUp())));
    return tls;
  }

  private Failure describe(IOException e, TlsTarget target, CapturingTrustManager trust) {
    if (e instanceof SSLException ssl) {
      return NetFailures.tls(
          ssl, target.host(), trust.presented(), trust.hostMismatch(), clock.instant());
    }
    if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
      return new Failure(Reason.CONNECT, "connection reset by peer " + HANDSHAKE);
    }
    return new Failure(
        Reason.CONNECT, "connection failed " + HANDSHAKE + ": " + NetFailures.firstLine(e));
  }

  private Observation observation(
      TlsTarget target,
      Dialer.Dial dial,
      long start,
      @Nullable Duration handshake,
      @Nullable TlsInfo tls,
      @Nullable Failure failure) {
    return new Observation(
        target.url(),
        dial.connected(),
        null,
        null,
        null,
        Headers.NONE,
        Body.EMPTY,
        new Timings(dial.dns(), dial.connect(), handshake, null, ticker.since(start)),
        tls,
        dial.ip(),
        List.of(),
        failure);
  }

  private static List<X509Certificate> x509(Certificate[] chain) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate c : chain) {
      if (c instanceof X509Certificate x) {
        certificates.add(x);
      }
    }
    return certificates;
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // The probe is over; a failed close says nothing about the target.
    }
  }
}
