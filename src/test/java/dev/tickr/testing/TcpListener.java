package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP listener on {@code 127.0.0.1} that accepts and at once closes every connection, and that a
 * test can {@link #stop()} (connections are then refused) and {@link #start()} again on the same
 * port: a piece of loopback "internet" that goes away and comes back.
 */
public final class TcpListener implements AutoCloseable {
  private final int port;
  private ServerSocket socket;
  private Thread acceptor;

  private TcpListener(ServerSocket socket) {
    this.socket = socket;
    this.port = socket.getLocalPort();
    this.acceptor = accept(socket);
  }

  /** Listens on a free loopback port. */
  public static TcpListener open() {
    return new TcpListener(bind(0));
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /**
   * Stops listening: connections to the port are refused until {@link #start()}. Returns once the
   * accepting thread is out, for only then is the socket really closed (a close while a thread is
   * blocked in accept finishes when that thread leaves it), so no later connection gets in.
   */
  public synchronized void stop() {
    try {
      socket.close();
      acceptor.join(Duration.ofSeconds(10));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the listener", e);
    }
    if (acceptor.isAlive()) {
      throw new IllegalStateException("the listener on port " + port + " did not stop");
    }
  }

  /** Listens on the same port again. */
  public synchronized void start() {
    if (socket.isClosed()) {
      socket = bind(port);
      acceptor = accept(socket);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static ServerSocket bind(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback port " + port, e);
    }
  }

  private static Thread accept(ServerSocket s) {
    return Thread.ofVirtual()
        .name("tcp-listener-" + s.getLocalPort())
        .start(
            () -> {
              while (!s.isClosed()) {
                try {
                  Socket accepted = s.accept();
                  accepted.close(); // accepting is all the answer
                } catch (IOException e) {
                  return; // closed
                }
              }
            });
  }
}
