package dev.tickr.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * A raw TCP server on {@code 127.0.0.1} that gets HTTP wrong in one chosen way, so that clients can
 * be tested against the failures real upstreams produce. Every connection is served on a virtual
 * thread with a {@link #IDLE_TIMEOUT} on reads; {@link #close()} closes the listener and every
 * accepted socket at once, however stuck the client is.
 */
public final class MisbehavingServer implements AutoCloseable {

  /** The one way a server gets it wrong; each reads the request head first. */
  public enum Behaviour {
    /** Never writes a byte; holds the connection until the client gives up. */
    NEVER_ANSWERS,
    /** Sends a complete head announcing 100,000,000 bytes, then one body byte per interval. */
    TRICKLES_BODY,
    /** Sends the status line and an endless header one byte per interval. */
    TRICKLES_HEADERS,
    /** Closes with {@code SO_LINGER} 0, so the client sees a TCP RST: "Connection reset". */
    RESETS,
    /** Closes cleanly (FIN) without a byte of answer: the client sees end of stream. */
    CLOSES_WITHOUT_ANSWER,
    /** Answers {@code THIS IS NOT HTTP\r\n\r\n}, then ends the stream. */
    MALFORMED
  }

  /** Time between two trickled bytes. */
  public static final Duration TRICKLE_INTERVAL = Duration.ofMillis(200);

  /** A connection whose client sends nothing for this long is dropped. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  private static final byte[] BODY_HEAD =
      ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000000\r\n\r\n");
  private static final byte[] TRICKLED_HEAD = ascii("HTTP/1.1 200 OK\r\nX-Trickle: ");
  private static final byte[] GARBAGE = ascii("THIS IS NOT HTTP\r\n\r\n");
  private static final int MAX_REQUEST_HEAD = 64 * 1024;

  private final Behaviour behaviour;
  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final Object acceptedLock = new Object();
  private int accepted;

  private MisbehavingServer(Behaviour behaviour) {
    this.behaviour = behaviour;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    threads.execute(this::acceptUntilClosed);
  }

  public static MisbehavingServer start(Behaviour behaviour) {
    return new MisbehavingServer(behaviour);
  }

  public static MisbehavingServer acceptsAndNeverAnswers() {
    return start(Behaviour.NEVER_ANSWERS);
  }

  public static MisbehavingServer tricklesBodyForever() {
    return start(Behaviour.TRICKLES_BODY);
  }

  public static MisbehavingServer trickleHeaders() {
    return start(Behaviour.TRICKLES_HEADERS);
  }

  public static MisbehavingServer resetsConnection() {
    return start(Behaviour.RESETS);
  }

  public static MisbehavingServer closesWithoutAnswer() {
    return start(Behaviour.CLOSES_WITHOUT_ANSWER);
  }

  public static MisbehavingServer malformedResponse() {
    return start(Behaviour.MALFORMED);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** {@code http://127.0.0.1:PORT/path}. */
  public URI url(String path) {
    return Ports.url("http", "127.0.0.1", port(), path);
  }

  /** How many TCP connections have been accepted so far. */
  public int acceptedConnections() {
    synchronized (acceptedLock) {
      return accepted;
    }
  }

  /** Waits until {@code count} connections have been accepted; fails if none come in time. */
  public void awaitConnections(int count, Duration timeout) {
    Await.until(
        acceptedLock,
        timeout,
        () -> accepted >= count,
        () -> "expected " + count + " connections, got " + accepted);
  }

  /** Closes the listener and every client connection, and stops all trickling. */
  @Override
  public void close() {
    closeQuietly(listener);
    clients.forEach(MisbehavingServer::closeQuietly);
    threads.shutdownNow();
  }

  private void acceptUntilClosed() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException closed) {
        return;
      }
      clients.add(socket);
      synchronized (acceptedLock) {
        accepted++;
        acceptedLock.notifyAll();
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
      if (listener.isClosed()) {
        return;
      }
      socket.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      readRequestHead(in);
      switch (behaviour) {
        case NEVER_ANSWERS -> in.transferTo(OutputStream.nullOutputStream());
        case TRICKLES_BODY -> {
          out.write(BODY_HEAD);
          trickle(out, new byte[0]);
        }
        case TRICKLES_HEADERS -> trickle(out, TRICKLED_HEAD);
        case RESETS -> socket.setSoLinger(true, 0);
        case CLOSES_WITHOUT_ANSWER -> {
          socket.shutdownOutput();
          in.transferTo(OutputStream.nullOutputStream());
        }
        case MALFORMED -> {
          out.write(GARBAGE);
          socket.shutdownOutput();
          in.transferTo(OutputStream.nullOutputStream());
        }
      }
    } catch (IOException clientGoneOrServerClosed) {
      // Nothing to report: misbehaving is the point, and the socket is closed either way.
    } finally {
      clients.remove(socket);
    }
  }

  /** Writes {@code head} then {@code a} forever, one byte per interval, until closed. */
  private void trickle(OutputStream out, byte[] head) throws IOException {
    for (long sent = 0; !listener.isClosed() && !Thread.currentThread().isInterrupted(); sent++) {
      out.write(sent < head.length ? head[(int) sent] : 'a');
      out.flush();
      LockSupport.parkNanos(TRICKLE_INTERVAL.toNanos());
    }
  }

  /** Reads up to the blank line that ends an HTTP request head, or to end of stream. */
  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    for (int read = 0; read < MAX_REQUEST_HEAD && matched < 4; read++) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing on shutdown: there is nobody left to tell.
    }
  }
}
