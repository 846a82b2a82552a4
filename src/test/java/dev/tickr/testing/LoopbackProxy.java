package dev.tickr.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A proxy on {@code 127.0.0.1} and a free port that records what passed through it and may require
 * a username and password: {@link TestHttpProxy} and {@link TestSocks5Proxy}. Each connection is
 * served on a virtual thread; once the way to the server is open, bytes are copied both ways until
 * one side closes.
 */
public abstract class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final List<String> passed = new ArrayList<>();
  private final List<String> logins = new ArrayList<>();
  protected final @Nullable String user;
  protected final @Nullable String password;

  protected LoopbackProxy(@Nullable String user, @Nullable String password) {
    this.user = user;
    this.password = password;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
  }

  /** Starts accepting connections; once, by the subclass's factory. */
  protected final void start() {
    threads.execute(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** What went through, oldest first: {@code CONNECT host:port} or an HTTP request line. */
  public List<String> passed() {
    synchronized (passed) {
      return List.copyOf(passed);
    }
  }

  /** The credentials clients offered, as {@code user:password}, oldest first. */
  public List<String> logins() {
    synchronized (logins) {
      return List.copyOf(logins);
    }
  }

  protected void record(String what) {
    synchronized (passed) {
      passed.add(what);
    }
  }

  protected void login(String userColonPassword) {
    synchronized (logins) {
      logins.add(userColonPassword);
    }
  }

  /** Whether these credentials are the required ones (always, when none are required). */
  protected boolean accepts(@Nullable String offeredUser, @Nullable String offeredPassword) {
    return user == null
        || (user.equals(offeredUser) && String.valueOf(password).equals(offeredPassword));
  }

  /** Serves one client connection; closing it is done by the caller. */
  protected abstract void serve(Socket client) throws IOException;

  /** Copies bytes both ways between the client and the server until one side is done. */
  protected void relay(Socket client, Socket upstream) throws IOException {
    var back = threads.submit(() -> copy(upstream, client));
    copy(client, upstream);
    try {
      back.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // the other direction broke off: nothing left to relay
    }
    upstream.close();
  }

  protected static Socket open(String host, int port) throws IOException {
    return new Socket(InetAddress.getByName(host), port);
  }

  private static @Nullable Void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException closed) {
      // one side went away
    }
    return null;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(
            () -> {
              try (client) {
                serve(client);
              } catch (IOException e) {
                // the client went away
              }
            });
      } catch (IOException closed) {
        return;
      }
    }
  }

  protected InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
