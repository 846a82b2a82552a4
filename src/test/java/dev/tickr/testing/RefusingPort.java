package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A port on {@code 127.0.0.1} that refuses connections for as long as this is open: a socket is
 * bound to it and never listens, so the kernel answers every connection attempt with a reset and no
 * other socket can take the port meanwhile (unlike {@link Ports#closed()}, whose port is free for
 * anyone between its close and the test's connect).
 */
public final class RefusingPort implements AutoCloseable {
  private final Socket holder;

  private RefusingPort(Socket holder) {
    this.holder = holder;
  }

  public static RefusingPort open() {
    Socket holder = new Socket();
    try {
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    return new RefusingPort(holder);
  }

  public int port() {
    return holder.getLocalPort();
  }

  /** {@code scheme://127.0.0.1:PORT/path}. */
  public URI url(String scheme, String path) {
    return Ports.url(scheme, "127.0.0.1", port(), path);
  }

  @Override
  public void close() {
    try {
      holder.close();
    } catch (IOException ignored) {
      // Nothing was ever sent through it.
    }
  }
}
