package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports for tests that need a connection to be refused. */
public final class Ports {
  /** The sockets that hold the ports handed out, for as long as the test JVM runs. */
  private static final List<Socket> HELD = new ArrayList<>();

  private Ports() {}

  /**
   * A port on {@code 127.0.0.1} that refuses every connection, for as long as the test JVM runs.
   *
   * <p>A socket is bound to it and never listens: the kernel answers a connection attempt with a
   * reset ("Connection refused"), and no other test, process or ephemeral connection can take the
   * port meanwhile, since it stays bound. (Binding port 0 and closing the socket again, as this
   * once did, left a window in which another test class could take the port.) Never listen on it: a
   * server in a test binds port 0 and tells its port.
   */
  public static int closed() {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    synchronized (HELD) {
      HELD.add(socket);
    }
    return socket.getLocalPort();
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
