package dev.tickr.check.http;

import dev.tickr.check.Deadline;
import dev.tickr.check.net.DeadlineResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp's view of a {@link DeadlineResolver}: every lookup of one check is bounded by that check's
 * deadline. OkHttp expects a failed lookup as an {@link UnknownHostException}, so a lookup cut
 * short by the deadline becomes a {@link DnsTimeoutException}, which is classified as a timeout.
 */
final class DeadlineDns implements Dns {
  private final Deadline deadline;
  private final DeadlineResolver resolver;

  DeadlineDns(Deadline deadline, DeadlineResolver resolver) {
    this.deadline = deadline;
    this.resolver = resolver;
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
    try {
      return resolver.resolve(hostname, deadline);
    } catch (DeadlineResolver.LookupTimeoutException e) {
      DnsTimeoutException timeout = new DnsTimeoutException(hostname);
      timeout.initCause(e);
      throw timeout;
    }
  }
}
