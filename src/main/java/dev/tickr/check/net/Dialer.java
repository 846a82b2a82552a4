package dev.tickr.check.net;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Opens a TCP connection within a check's deadline: resolves the host, then tries each of its
 * addresses in turn until one accepts, as HTTP clients do. Never throws for a failing target; the
 * {@link Dial} says what happened. Thread-safe.
 */
public final class Dialer {
  private final Ticker ticker;
  private final DeadlineResolver resolver;

  public Dialer(Ticker ticker, DeadlineResolver resolver) {
    this.ticker = ticker;
    this.resolver = resolver;
  }

  /**
   * One attempt to connect: an open socket that the caller must close, or the failure.
   *
   * @param ip the address connected to, or the last one tried
   * @param dns time spent resolving, {@code null} for an IP address
   * @param connect time spent connecting, {@code null} when no address was tried
   */
  public record Dial(
      @Nullable Socket socket,
      @Nullable InetAddress ip,
      @Nullable Duration dns,
      @Nullable Duration connect,
      @Nullable Failure failure) {

    public boolean connected() {
      return socket != null;
    }
  }

  public Dial dial(String host, int port, Deadline deadline) {
    long start = ticker.nanos();
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host, deadline);
    } catch (DeadlineResolver.LookupTimeoutException e) {
      return new Dial(
          null, null, ticker.since(start), null, NetFailures.timeout(deadline, "resolving DNS"));
    } catch (UnknownHostException e) {
      return new Dial(null, null, ticker.since(start), null, NetFailures.dns(e, host));
    }
    Duration dns = DeadlineResolver.isIpLiteral(host) ? null : ticker.since(start);
    long connectStart = ticker.nanos();
    InetAddress ip = null;
    IOException last = null;
    for (InetAddress address : addresses) {
      long millis = deadline.remainingMillisRoundedUp();
      if (millis <= 0) {
        break;
      }
      ip = address;
      Socket socket = new Socket(Proxy.NO_PROXY);
      try {
        socket.connect(
            new InetSocketAddress(address, port), (int) Math.min(millis, Integer.MAX_VALUE));
        return new Dial(socket, address, dns, ticker.since(connectStart), null);
      } catch (IOException e) {
        closeQuietly(socket);
        last = e;
      }
    }
    Failure failure =
        last == null || last instanceof SocketTimeoutException || deadline.expired()
            ? NetFailures.timeout(deadline, "connecting")
            : NetFailures.connect(last);
    return new Dial(null, ip, dns, ip == null ? null : ticker.since(connectStart), failure);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // The connection is being given up anyway.
    }
  }
}
