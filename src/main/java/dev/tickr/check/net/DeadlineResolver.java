package dev.tickr.check.net;

import dev.tickr.check.Deadline;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The system resolver bounded by a check's deadline. The JDK's lookup cannot be interrupted, so it
 * runs on its own virtual thread and is abandoned when time is up. Thread-safe; share one.
 */
public final class DeadlineResolver {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** A blocking lookup of every address of a name; the system's is {@code getAllByName}. */
  @FunctionalInterface
  public interface Lookup {
    InetAddress[] addresses(String host) throws UnknownHostException;
  }

  private final Lookup lookup;
  private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

  /** The system resolver. */
  public DeadlineResolver() {
    this(InetAddress::getAllByName);
  }

  /** Any blocking lookup, bounded by the deadline; tests pass a failing or hanging one. */
  public DeadlineResolver(Lookup lookup) {
    this.lookup = lookup;
  }

  /** Raised when the deadline passes during a lookup: a timeout, not a DNS error. */
  public static final class LookupTimeoutException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    LookupTimeoutException(String host) {
      super("DNS lookup of " + host + " timed out");
    }
  }

  /** Whether {@code host} is an IP address, which needs no lookup. */
  public static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
  }

  /**
   * Every address of {@code host}, in the system's order of preference.
   *
   * @throws UnknownHostException when the name does not resolve
   * @throws LookupTimeoutException when the deadline passes first
   */
  public List<InetAddress> resolve(String host, Deadline deadline)
      throws UnknownHostException, LookupTimeoutException {
    Future<InetAddress[]> pending = lookups.submit(() -> lookup.addresses(host));
    try {
      return List.of(pending.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new LookupTimeoutException(host);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new LookupTimeoutException(host);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException u) {
        throw u;
      }
      UnknownHostException u = new UnknownHostException(host + ": " + e.getCause());
      u.initCause(e.getCause());
      throw u;
    }
  }
}
