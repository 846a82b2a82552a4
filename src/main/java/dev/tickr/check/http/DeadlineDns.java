package dev.tickr.check.http;

import dev.tickr.check.Deadline;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dns;

/**
 * The system resolver bounded by the check's deadline. The JDK's lookup cannot be interrupted, so
 * it runs on its own virtual thread and is abandoned when time is up.
 */
final class DeadlineDns implements Dns {
  private final Deadline deadline;
  private final ExecutorService resolvers;

  DeadlineDns(Deadline deadline, ExecutorService resolvers) {
    this.deadline = deadline;
    this.resolvers = resolvers;
  }

  /** Raised when the deadline passes during a lookup; classified as a timeout, not a DNS error. */
  static final class DnsTimeoutException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    DnsTimeoutException(String host) {
      super("DNS lookup of " + host + " timed out");
    }
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    Future<InetAddress[]> lookup = resolvers.submit(() -> InetAddress.getAllByName(hostname));
    try {
      return Arrays.asList(lookup.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      lookup.cancel(true);
      throw new DnsTimeoutException(hostname);
    } catch (InterruptedException e) {
      lookup.cancel(true);
      Thread.currentThread().interrupt();
      throw new DnsTimeoutException(hostname);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException u) {
        throw u;
      }
      UnknownHostException u = new UnknownHostException(hostname + ": " + e.getCause());
      u.initCause(e.getCause());
      throw u;
    }
  }
}
