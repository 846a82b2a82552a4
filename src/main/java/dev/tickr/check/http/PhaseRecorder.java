package dev.tickr.check.http;

import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Listens to OkHttp's connection events for every hop of one check and sums the time spent in each
 * phase, including a lookup or handshake that failed or was cut short by the deadline (OkHttp
 * reports no end for those, only the call's failure). Also remembers the phase the exchange is in,
 * so a timeout can say where it struck, the address of the last connection, and its TLS session.
 */
final class PhaseRecorder extends EventListener {
  private final Ticker ticker;

  private long dnsNanos = -1;
  private long connectNanos = -1;
  private long tlsNanos = -1;
  private long ttfbNanos = -1;

  // The start of a phase still running, or -1.
  private long dnsStart = -1;
  private long connectStart = -1;
  private long tlsStart = -1;
  private long requestStart = -1;

  private Phase phase = Phase.START;
  private boolean connected;
  private @Nullable InetAddress ip;
  private @Nullable Protocol protocol;
  private @Nullable SSLSession session;

  PhaseRecorder(Ticker ticker) {
    this.ticker = ticker;
  }

  private static long add(long sum, long nanos) {
    return sum < 0 ? nanos : sum + nanos;
  }

  @Override
  public synchronized void callStart(Call call) {
    dnsStart = -1;
    connectStart = -1;
    tlsStart = -1;
    requestStart = -1;
    connected = false;
    session = null;
    phase = Phase.START;
  }

  /** A lookup or handshake without an end event failed: its time so far is still its phase's. */
  @Override
  public synchronized void callFailed(Call call, IOException failure) {
    long now = ticker.nanos();
    endDns(now);
    endTls(now);
  }

  @Override
  public synchronized void dnsStart(Call call, String domainName) {
    phase = Phase.DNS;
    dnsStart = ticker.nanos();
  }

  @Override
  public synchronized void dnsEnd(Call call, String domainName, java.util.List<InetAddress> list) {
    endDns(ticker.nanos());
  }

  private void endDns(long now) {
    if (dnsStart >= 0) {
      dnsNanos = add(dnsNanos, now - dnsStart);
      dnsStart = -1;
    }
  }

  @Override
  public synchronized void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
    phase = Phase.CONNECT;
    ip = address.getAddress();
    if (connectStart < 0) {
      connectStart = ticker.nanos();
    }
  }

  @Override
  public synchronized void secureConnectStart(Call call) {
    long now = ticker.nanos();
    if (connectStart >= 0) {
      connectNanos = add(connectNanos, now - connectStart);
      connectStart = -1;
    }
    connected = true;
    phase = Phase.TLS;
    tlsStart = now;
  }

  @Override
  public synchronized void secureConnectEnd(Call call, @Nullable Handshake handshake) {
    endTls(ticker.nanos());
  }

  private void endTls(long now) {
    if (tlsStart >= 0) {
      tlsNanos = add(tlsNanos, now - tlsStart);
      tlsStart = -1;
    }
  }

  @Override
  public synchronized void connectEnd(
      Call call, InetSocketAddress address, Proxy proxy, @Nullable Protocol protocol) {
    ip = address.getAddress();
    if (connectStart >= 0) {
      connectNanos = add(connectNanos, ticker.nanos() - connectStart);
      connectStart = -1;
    }
    this.protocol = protocol;
    connected = true;
  }

  @Override
  public synchronized void connectFailed(
      Call call,
      InetSocketAddress address,
      Proxy proxy,
      @Nullable Protocol protocol,
      IOException failure) {
    long now = ticker.nanos();
    ip = address.getAddress();
    if (connectStart >= 0) {
      connectNanos = add(connectNanos, now - connectStart);
      connectStart = -1;
    }
    endTls(now);
  }

  /**
   * The TLS session of the connection a hop uses, read from its socket: it holds the peer's chain
   * even when the session was resumed (no certificate presented, no trust manager asked), which
   * OkHttp's {@link Handshake#peerCertificates()} does not, since probes give OkHttp no CA index to
   * clean chains with.
   */
  @Override
  public synchronized void connectionAcquired(Call call, Connection connection) {
    session = connection.socket() instanceof SSLSocket tls ? tls.getSession() : null;
  }

  @Override
  public synchronized void requestHeadersStart(Call call) {
    phase = Phase.SENDING;
    if (requestStart < 0) {
      requestStart = ticker.nanos();
    }
  }

  @Override
  public synchronized void requestHeadersEnd(Call call, okhttp3.Request request) {
    phase = Phase.WAITING;
  }

  @Override
  public synchronized void requestBodyStart(Call call) {
    phase = Phase.SENDING;
  }

  @Override
  public synchronized void requestBodyEnd(Call call, long byteCount) {
    phase = Phase.WAITING;
  }

  @Override
  public synchronized void responseHeadersStart(Call call) {
    phase = Phase.HEADERS;
    if (requestStart >= 0) {
      ttfbNanos = add(ttfbNanos, ticker.nanos() - requestStart);
      requestStart = -1;
    }
  }

  @Override
  public synchronized void responseHeadersEnd(Call call, Response response) {
    phase = Phase.BODY;
  }

  synchronized Phase phase() {
    return phase;
  }

  synchronized boolean connected() {
    return connected;
  }

  synchronized @Nullable InetAddress ip() {
    return ip;
  }

  synchronized @Nullable Protocol protocol() {
    return protocol;
  }

  /** The TLS session of the current hop's connection, once it has one. */
  synchronized @Nullable SSLSession session() {
    return session;
  }

  synchronized @Nullable Duration dns() {
    return dnsNanos < 0 ? null : Duration.ofNanos(dnsNanos);
  }

  synchronized @Nullable Duration connect() {
    return connectNanos < 0 ? null : Duration.ofNanos(connectNanos);
  }

  synchronized @Nullable Duration tls() {
    return tlsNanos < 0 ? null : Duration.ofNanos(tlsNanos);
  }

  synchronized @Nullable Duration ttfb() {
    return ttfbNanos < 0 ? null : Duration.ofNanos(ttfbNanos);
  }
}
