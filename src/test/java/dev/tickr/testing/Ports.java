package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/** Loopback ports for tests that need a connection to be refused. */
public final class Ports {

  private Ports() {}

  /**
   * A port on {@code 127.0.0.1} that nothing listens on, so connecting to it is refused.
   *
   * <p>It is found by binding port 0 and closing the socket again. Between that close and the
   * test's connect, another process could take the same port; the kernel hands out ephemeral ports
   * in sequence, which makes this rare, and a test that then sees something other than "Connection
   * refused" fails loudly rather than passing by accident.
   */
  public static int closed() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
  }

  /** {@code http://127.0.0.1:PORT/path} on a {@link #closed()} port. */
  public static URI closedUrl(String path) {
    return url("http", "127.0.0.1", closed(), path);
  }

  /** {@code scheme://host:port/path}, adding the leading slash if {@code path} lacks it. */
  static URI url(String scheme, String host, int port, String path) {
    return URI.create(
        scheme + "://" + host + ":" + port + (path.startsWith("/") ? "" : "/") + path);
  }
}
