package dev.tickr.check.dns;

import dev.tickr.check.Body;
import dev.tickr.check.Check;
import dev.tickr.check.Deadline;
import dev.tickr.check.DnsTarget;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Timings;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.check.net.NetFailures;
import dev.tickr.time.Ticker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks a nameserver (the system's, or the target's) one question with dnsjava and reports the
 * answer: the records of the asked type as the body, one per line ({@code 93.184.216.34}, {@code 10
 * mx.example.com.}, TXT strings unquoted and joined), and the response code as the header {@value
 * #RCODE_HEADER}. NXDOMAIN and other error codes are {@code dns} failures; no answer by the
 * deadline is a {@code timeout}. An answer without records of the type (NODATA) is not a failure:
 * conditions on the body decide.
 */
public final class DnsCheck implements Check<DnsTarget> {
  public static final String RCODE_HEADER = "X-Dns-Rcode";
  private static final String RESOLVING = "resolving DNS";

  private final Ticker ticker;
  private final DeadlineResolver hosts = new DeadlineResolver();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  public DnsCheck(Ticker ticker) {
    this.ticker = ticker;
  }

  @Override
  public Observation observe(DnsTarget target, Deadline deadline) {
    long start = ticker.nanos();
    Query query = new Query(target, deadline, start);
    try {
      return query.run();
    } catch (RuntimeException e) {
      return query.failed(new Failure(Reason.INTERNAL, "internal error: " + e));
    }
  }

  /** One question and its answer. */
  private final class Query {
    private final DnsTarget target;
    private final Deadline deadline;
    private final long start;
    private @Nullable InetAddress server;
    private @Nullable Duration took;

    Query(DnsTarget target, Deadline deadline, long start) {
      this.target = target;
      this.deadline = deadline;
      this.start = start;
    }

    Observation run() {
      Name name;
      try {
        name = Name.fromString(target.host(), Name.root);
      } catch (TextParseException e) {
        return failed(new Failure(Reason.DNS, "DNS: not a valid name: " + target.host()));
      }
      String nsHost = target.nameserverHost();
      Resolver resolver;
      if (nsHost == null) {
        resolver = new ExtendedResolver();
      } else {
        try {
          server = hosts.resolve(nsHost, deadline).get(0);
        } catch (DeadlineResolver.LookupTimeoutException e) {
          return failed(NetFailures.timeout(deadline, "resolving the nameserver " + nsHost));
        } catch (UnknownHostException e) {
          return failed(new Failure(Reason.DNS, "DNS: no such nameserver " + nsHost));
        }
        resolver = new SimpleResolver(new InetSocketAddress(server, target.nameserverPort()));
      }
      Duration remaining = deadline.remaining();
      if (remaining.isZero()) {
        return failed(NetFailures.timeout(deadline, RESOLVING));
      }
      resolver.setTimeout(remaining);
      int type = Type.value(target.queryType());
      Message question = Message.newQuery(Record.newRecord(name, type, DClass.IN));
      long asked = ticker.nanos();
      CompletableFuture<Message> pending =
          resolver.sendAsync(question, executor).toCompletableFuture();
      Message answer;
      try {
        answer = pending.get(remaining.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | InterruptedException e) {
        pending.cancel(true);
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        took = ticker.since(asked);
        return failed(NetFailures.timeout(deadline, RESOLVING));
      } catch (ExecutionException e) {
        took = ticker.since(asked);
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return failed(
            cause instanceof SocketTimeoutException || deadline.expired()
                ? NetFailures.timeout(deadline, RESOLVING)
                : new Failure(
                    Reason.DNS,
                    "DNS: no answer from " + serverName() + ": " + NetFailures.firstLine(cause)));
      }
      took = ticker.since(asked);
      return answered(answer, type);
    }

    private Observation answered(Message answer, int type) {
      int rcode = answer.getRcode();
      List<String> lines = new ArrayList<>();
      for (Record r : answer.getSection(Section.ANSWER)) {
        if (r.getType() == type) {
          lines.add(text(r));
        }
      }
      Failure failure =
          rcode == Rcode.NOERROR
              ? null
              : rcode == Rcode.NXDOMAIN
                  ? new Failure(Reason.DNS, "DNS: no such host " + target.host())
                  : new Failure(Reason.DNS, "DNS: server answered " + Rcode.string(rcode));
      Headers headers = new Headers(List.of(Header.plain(RCODE_HEADER, Rcode.string(rcode))));
      byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      Body body = new Body(bytes, false, "text/plain; charset=utf-8", StandardCharsets.UTF_8);
      return observation(true, headers, body, failure);
    }

    Observation failed(Failure failure) {
      return observation(false, Headers.NONE, Body.EMPTY, failure);
    }

    private Observation observation(
        boolean answered, Headers headers, Body body, @Nullable Failure failure) {
      return new Observation(
          target.url(),
          answered,
          null,
          null,
          null,
          headers,
          body,
          new Timings(took, null, null, null, ticker.since(start)),
          null,
          server,
          List.of(),
          failure);
    }

    private String serverName() {
      return target.nameserver() == null ? "the system's nameservers" : target.nameserver();
    }
  }

  /** A record's data as people write it: an address, {@code 10 mx.example.com.}, TXT unquoted. */
  static String text(Record r) {
    return switch (r) {
      case ARecord a -> a.getAddress().getHostAddress();
      case AAAARecord a -> shortIpv6(a.rdataToString());
      case MXRecord mx -> mx.getPriority() + " " + mx.getTarget();
      case TXTRecord txt -> String.join("", txt.getStrings());
      default -> r.rdataToString();
    };
  }

  /** {@code 2001:db8:0:0:0:0:0:1} as RFC 5952 writes it: {@code 2001:db8::1}. */
  static String shortIpv6(String full) {
    String[] groups = full.split(":", -1);
    if (groups.length != 8) {
      return full;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", List.of(groups).subList(0, bestStart));
    String tail = String.join(":", List.of(groups).subList(bestStart + bestLength, 8));
    return head + "::" + tail;
  }
}
