package dev.tickr.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A host-name lookup that asks a {@link TestDnsServer} instead of the system's resolver, and fails
 * as the system resolver (glibc, through {@code InetAddress.getAllByName}) does: NXDOMAIN is {@code
 * "NAME: Name or service not known"}, SERVFAIL or no answer is {@code "NAME: Temporary failure in
 * name resolution"}, a name without addresses is {@code "NAME: No address associated with
 * hostname"}. IPv4 only, like the loopback servers it leads to. Nothing is cached: every call is
 * one question to the server.
 *
 * <pre>{@code
 * try (var dns = TestDnsServer.start().a("api.tickr.test", "127.0.0.1")) {
 *   var resolver = new DeadlineResolver(TestResolver.asking(dns)::addresses);
 * }
 * }</pre>
 */
public final class TestResolver {

  /** How long one question waits for its answer; deadlines in tests are shorter. */
  public static final Duration QUESTION_TIMEOUT = Duration.ofSeconds(30);

  private final InetSocketAddress server;

  private TestResolver(InetSocketAddress server) {
    this.server = server;
  }

  public static TestResolver asking(TestDnsServer dns) {
    return new TestResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dns.port()));
  }

  /** Every IPv4 address of {@code host}, in the order the server sent them. */
  public InetAddress[] addresses(String host) throws UnknownHostException {
    Name name;
    try {
      name = Name.fromString(host, Name.root);
    } catch (TextParseException e) {
      throw new UnknownHostException(host + ": Name or service not known");
    }
    SimpleResolver resolver = new SimpleResolver(server);
    resolver.setTimeout(QUESTION_TIMEOUT);
    Message answer;
    try {
      answer = resolver.send(Message.newQuery(Record.newRecord(name, Type.A, DClass.IN)));
    } catch (IOException noAnswer) {
      throw temporaryFailure(host, noAnswer);
    }
    int rcode = answer.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      throw new UnknownHostException(host + ": Name or service not known");
    }
    if (rcode != Rcode.NOERROR) {
      throw temporaryFailure(host, null);
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (Record r : answer.getSection(Section.ANSWER)) {
      if (r instanceof ARecord a) {
        addresses.add(InetAddress.getByAddress(host, a.getAddress().getAddress()));
      }
    }
    if (addresses.isEmpty()) {
      throw new UnknownHostException(host + ": No address associated with hostname");
    }
    return addresses.toArray(InetAddress[]::new);
  }

  private static UnknownHostException temporaryFailure(String host, @Nullable IOException cause) {
    UnknownHostException e =
        new UnknownHostException(host + ": Temporary failure in name resolution");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
