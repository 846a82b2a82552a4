package dev.tickr.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP/1.1 server on {@code 127.0.0.1} and a free port, plain or TLS, running from
 * construction until {@link #close()}. Each request is served on its own virtual thread, recorded
 * (see {@link #requests()}), then answered by the route registered for its exact path, or 404.
 *
 * <pre>{@code
 * try (var server = TestHttpServer.plain().json("/health", 200, "{\"ok\":true}")) {
 *   HttpResponse<String> answer = client.send(GET(server.url("/health")), ofString());
 *   assertThat(server.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * Routes may be added at any time, from any thread.
 */
public final class TestHttpServer implements AutoCloseable {

  /** Answers one request; throwing makes the server answer 500 with the exception's message. */
  @FunctionalInterface
  public interface Handler {
    Reply handle(RecordedRequest request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final String scheme;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();

  private TestHttpServer(@Nullable TestIdentity identity) {
    this(identity == null ? null : identity.sslContext(), false);
  }

  private TestHttpServer(@Nullable SSLContext tls, boolean needClientAuth) {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try {
      if (tls == null) {
        server = HttpServer.create(loopback, 0);
        scheme = "http";
      } else {
        HttpsServer https = HttpsServer.create(loopback, 0);
        https.setHttpsConfigurator(
            new HttpsConfigurator(tls) {
              @Override
              public void configure(HttpsParameters parameters) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                parameters.setSSLParameters(p);
              }
            });
        server = https;
        scheme = "https";
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /** A plain {@code http://} server. */
  public static TestHttpServer plain() {
    return new TestHttpServer(null);
  }

  /** An {@code https://} server presenting {@code identity}. */
  public static TestHttpServer tls(TestIdentity identity) {
    return new TestHttpServer(identity);
  }

  /**
   * An {@code https://} server presenting {@code identity} that refuses the handshake of a client
   * without a certificate {@code clientCa} issued (mutual TLS).
   */
  public static TestHttpServer tlsRequiringClientCertificate(
      TestIdentity identity, X509Certificate clientCa) {
    return new TestHttpServer(identity.sslContextTrustingClientsOf(clientCa), true);
  }

  /** Serves requests for exactly {@code path} (any query, any method) with {@code handler}. */
  public TestHttpServer route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  public TestHttpServer json(String path, int status, String json) {
    return route(path, request -> Reply.status(status).json(json));
  }

  public TestHttpServer text(String path, int status, String text) {
    return route(path, request -> Reply.status(status).text(text));
  }

  public TestHttpServer redirect(String path, int status, String location) {
    return route(path, request -> Reply.status(status).header("Location", location));
  }

  public TestHttpServer bytes(String path, int status, byte[] body) {
    byte[] copy = body.clone();
    return route(
        path,
        request ->
            Reply.status(status).header("Content-Type", "application/octet-stream").body(copy));
  }

  /** A body of {@code size} bytes cycling through {@code a..z}, for size limits. */
  public TestHttpServer bytes(String path, int status, int size) {
    byte[] body = new byte[size];
    for (int i = 0; i < size; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    return bytes(path, status, body);
  }

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Waits until at least {@code count} requests have arrived, for requests made in the background.
   * Fails with an {@link AssertionError} that lists what did arrive.
   */
  public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
    Await.until(
        requests,
        timeout,
        () -> requests.size() >= count,
        () -> "expected " + count + " requests, got " + requests);
    return requests();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http(s)://127.0.0.1:PORT/path}. */
  public URI url(String path) {
    return Ports.url(scheme, "127.0.0.1", port(), path);
  }

  /** {@code http(s)://localhost:PORT/path}, for host-name checks (SNI, SAN, Host header). */
  public URI localhostUrl(String path) {
    return Ports.url(scheme, "localhost", port(), path);
  }

  /** Stops at once: open connections are closed and delayed replies are interrupted. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      RecordedRequest request =
          new RecordedRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              exchange.getRequestHeaders(),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      synchronized (requests) {
        requests.add(request);
        requests.notifyAll();
      }
      Reply reply = answer(request);
      if (!pause(reply.delay())) {
        return;
      }
      reply.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
      byte[] body = reply.body();
      boolean bodyless = body.length == 0 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(reply.status(), bodyless ? -1 : body.length);
      if (!bodyless) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private Reply answer(RecordedRequest request) {
    Handler handler = routes.get(request.path());
    if (handler == null) {
      return Reply.status(404).text("no route for " + request.path());
    }
    try {
      return handler.handle(request);
    } catch (Exception e) {
      return Reply.status(500).text("handler failed: " + e);
    }
  }

  /** Parks for {@code delay}; false if interrupted by {@link #close()}. */
  private static boolean pause(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
    }
    return true;
  }
}
