package dev.tickr.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 server on {@code 127.0.0.1} that holds back each phase of an exchange by a known
 * amount, so that a client's phase timings can be checked against it:
 *
 * <ul>
 *   <li>connect: {@link #heldBacklog()} keeps its accept queue full until {@link #release()}, so
 *       the kernel drops the client's SYN and its connect waits (for the SYN's next
 *       retransmission);
 *   <li>TLS: {@link #tls(TestIdentity, Duration)} waits that long after the first byte of the
 *       client's hello before it goes on with the handshake;
 *   <li>response head and body: each {@link Answer} waits {@link Answer#headAfter} after the
 *       request was read before sending the status line and headers, and {@link Answer#bodyAfter}
 *       after them before sending the body; {@link Answer#cutAfter} closes the connection partway
 *       through the body.
 * </ul>
 *
 * Connections are kept alive between requests, so a client that reuses one is visible in {@link
 * #connections()}. Each connection is served on a virtual thread; {@link #close()} stops every wait
 * and closes every socket at once.
 */
public final class SlowServer implements AutoCloseable {

  /** A connection whose client sends nothing for this long is dropped. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private static final int MAX_HEAD = 64 * 1024;

  /** What one path answers, and how long each part is held back. Immutable. */
  public record Answer(
      int status,
      List<Map.Entry<String, String>> headers,
      String body,
      Duration headDelay,
      Duration bodyDelay,
      int cutAfter) {

    public Answer {
      headers = List.copyOf(headers);
    }

    /** {@code 200 OK} with a UTF-8 text body. */
    public static Answer ok(String text) {
      return new Answer(
          200,
          List.of(Map.entry("Content-Type", "text/plain; charset=utf-8")),
          text,
          Duration.ZERO,
          Duration.ZERO,
          -1);
    }

    /** A redirect ({@code 301}, {@code 302}, ...) to {@code location}, without a body. */
    public static Answer redirect(int status, String location) {
      return new Answer(
          status, List.of(Map.entry("Location", location)), "", Duration.ZERO, Duration.ZERO, -1);
    }

    /** Waits {@code delay} after reading the request before sending the status line. */
    public Answer headAfter(Duration delay) {
      return new Answer(status, headers, body, delay, bodyDelay, cutAfter);
    }

    /** Waits {@code delay} after sending the head before sending the body. */
    public Answer bodyAfter(Duration delay) {
      return new Answer(status, headers, body, headDelay, delay, cutAfter);
    }

    /** Announces the whole body (UTF-8) but sends only its first {@code bytes}, then closes. */
    public Answer cutAfter(int bytes) {
      return new Answer(status, headers, body, headDelay, bodyDelay, bytes);
    }
  }

  private final @Nullable SSLContext tls;
  private final Duration handshakeDelay;
  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Answer> routes = new ConcurrentHashMap<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final List<Socket> fillers = new ArrayList<>();
  private final Set<Integer> fillerPorts = ConcurrentHashMap.newKeySet();
  private final CountDownLatch released;
  private final List<String> requests = new ArrayList<>();
  private int connections;

  private SlowServer(@Nullable SSLContext tls, Duration handshakeDelay, boolean held) {
    this.tls = tls;
    this.handshakeDelay = handshakeDelay;
    this.released = new CountDownLatch(held ? 1 : 0);
    try {
      listener = new ServerSocket(0, held ? 1 : 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    if (held) {
      try {
        fillBacklog();
      } catch (IOException | RuntimeException e) {
        close();
        throw new IllegalStateException("cannot fill the accept queue of port " + port(), e);
      }
    }
    threads.execute(this::acceptUntilClosed);
  }

  /** A plain {@code http://} server. */
  public static SlowServer plain() {
    return new SlowServer(null, Duration.ZERO, false);
  }

  /**
   * An {@code https://} server presenting {@code identity}, its handshake held back by {@code
   * delay}.
   */
  public static SlowServer tls(TestIdentity identity, Duration delay) {
    return new SlowServer(identity.sslContext(), delay, false);
  }

  /**
   * A plain server whose accept queue is full: no connection to it completes until {@link
   * #release()}. A client's SYN is dropped meanwhile, so its connect completes at the first
   * retransmission after the release (Linux retransmits after 1 s, 3 s, 7 s, ...).
   */
  public static SlowServer heldBacklog() {
    return new SlowServer(null, Duration.ZERO, true);
  }

  /** Answers requests for exactly {@code path} (any query, any method) with {@code answer}. */
  public SlowServer route(String path, Answer answer) {
    routes.put(path, answer);
    return this;
  }

  /** Lets connections through a {@link #heldBacklog()}; does nothing on other servers. */
  public void release() {
    synchronized (fillers) {
      fillers.forEach(SlowServer::closeQuietly);
    }
    released.countDown();
  }

  /** {@link #release()}s a {@link #heldBacklog()} once {@code delay} has passed from now. */
  public void releaseAfter(Duration delay) {
    threads.execute(
        () -> {
          if (pause(delay)) {
            release();
          }
        });
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code http(s)://127.0.0.1:PORT/path}. */
  public URI url(String path) {
    return url("127.0.0.1", path);
  }

  /** {@code http(s)://HOST:PORT/path}, for a host name that resolves to {@code 127.0.0.1}. */
  public URI url(String host, String path) {
    return Ports.url(tls == null ? "http" : "https", host, port(), path);
  }

  /** How many client connections have been accepted (not counting those that filled a backlog). */
  public int connections() {
    synchronized (requests) {
      return connections;
    }
  }

  /** {@code "GET /path"} for each request read so far, oldest first. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  @Override
  public void close() {
    released.countDown();
    closeQuietly(listener);
    synchronized (fillers) {
      fillers.forEach(SlowServer::closeQuietly);
    }
    sockets.forEach(SlowServer::closeQuietly);
    threads.shutdownNow();
  }

  private void fillBacklog() throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    for (int i = 0; i < 8; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(address, 500);
      } catch (SocketTimeoutException full) {
        filler.close();
        return;
      }
      synchronized (fillers) {
        fillers.add(filler);
      }
      fillerPorts.add(filler.getLocalPort());
    }
    throw new IllegalStateException("the accept queue never filled up");
  }

  private void acceptUntilClosed() {
    try {
      released.await();
    } catch (InterruptedException closing) {
      return;
    }
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException closed) {
        return;
      }
      sockets.add(socket);
      if (!fillerPorts.contains(socket.getPort())) {
        synchronized (requests) {
          connections++;
        }
      }
      try {
        threads.execute(() -> serve(socket));
      } catch (RejectedExecutionException closing) {
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
      Socket connection = tls == null ? socket : handshake(tls, socket);
      if (connection == null) {
        return;
      }
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (true) {
        String[] request = readRequest(in);
        if (request == null) {
          return;
        }
        synchronized (requests) {
          requests.add(request[0] + " " + request[1]);
        }
        Answer answer = routes.get(request[1]);
        if (answer == null) {
          answer = new Answer(404, List.of(), "", Duration.ZERO, Duration.ZERO, -1);
        }
        if (!pause(answer.headDelay())) {
          return;
        }
        out.write(head(answer));
        out.flush();
        if (!pause(answer.bodyDelay())) {
          return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!request[0].equals("HEAD")) {
          int sent = answer.cutAfter() < 0 ? body.length : Math.min(answer.cutAfter(), body.length);
          out.write(body, 0, sent);
          out.flush();
        }
        if (answer.cutAfter() >= 0) {
          return;
        }
      }
    } catch (IOException clientGoneOrServerClosed) {
      // Nothing to report: the socket is closed either way.
    } finally {
      sockets.remove(socket);
    }
  }

  /** Reads the first byte of the client's hello, waits, then completes the handshake. */
  private @Nullable Socket handshake(SSLContext context, Socket socket) throws IOException {
    int first = socket.getInputStream().read();
    if (first < 0 || !pause(handshakeDelay)) {
      return null;
    }
    SSLSocket ssl =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(socket, new ByteArrayInputStream(new byte[] {(byte) first}), true);
    ssl.setUseClientMode(false);
    ssl.startHandshake();
    return ssl;
  }

  /** {@code [method, path]} of the next request, its head and body consumed; null at the end. */
  private static String @Nullable [] readRequest(InputStream in) throws IOException {
    String line = readLine(in);
    if (line == null) {
      return null;
    }
    String[] parts = line.split(" ");
    if (parts.length < 2) {
      throw new IOException("not an HTTP request line: " + line);
    }
    long length = 0;
    for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
      int colon = header.indexOf(':');
      if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(header.substring(colon + 1).trim());
      }
    }
    in.skipNBytes(length);
    int query = parts[1].indexOf('?');
    return new String[] {parts[0], query < 0 ? parts[1] : parts[1].substring(0, query)};
  }

  /** One CRLF-terminated line without its end; null at end of stream before any byte. */
  private static @Nullable String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      if (line.size() >= MAX_HEAD) {
        throw new IOException("request head too long");
      }
      line.write(b);
    }
    return null;
  }

  private static byte[] head(Answer answer) {
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ")
            .append(answer.status())
            .append(' ')
            .append(reason(answer.status()))
            .append("\r\n");
    for (Map.Entry<String, String> h : answer.headers()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    head.append("Content-Length: ")
        .append(answer.body().getBytes(StandardCharsets.UTF_8).length)
        .append("\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 404 -> "Not Found";
      default -> "Answer";
    };
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

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing on shutdown: there is nobody left to tell.
    }
  }
}
