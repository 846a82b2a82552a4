package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP listener on {@code 127.0.0.1} that accepts and at once closes every connection, and that a
 * test can {@link #stop()} (connections are then refused) and {@link #start()} again on the same
 * port: a piece of loopback "internet" that goes away and comes back.
 */
public final class TcpListener implements AutoCloseable {
  private final int port;
  private ServerSocket socket;

  private TcpListener(ServerSocket socket) {
    this.socket = socket;
    this.port = socket.getLocalPort();
    accept(socket);
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

  /** Stops listening: connections to the port are refused until {@link #start()}. */
  public synchronized void stop() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Listens on the same port again. */
  public synchronized void start() {
    if (socket.isClosed()) {
      socket = bind(port);
      accept(socket);
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

  private static void accept(ServerSocket s) {
    Thread.ofVirtual()
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
