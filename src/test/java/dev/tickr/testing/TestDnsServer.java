package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on UDP {@code 127.0.0.1} and a free port, answering from an in-memory zone built per
 * test. A name in the zone gets its records of the asked type (following one CNAME chain), a name
 * not in it gets NXDOMAIN. {@link #silent()} never answers; {@link #answering(int)} answers every
 * question with one response code, such as SERVFAIL; {@link #answeringAfter(Duration)} holds each
 * answer back, for timing lookups. It never sends anything but answers to the loopback clients that
 * asked.
 *
 * <pre>{@code
 * try (var dns = TestDnsServer.start().a("api.example.test", "10.0.0.1")) {
 *   new DnsTarget("api.example.test", "A", dns.nameserver());
 * }
 * }</pre>
 *
 * Records may be added at any time, from any thread.
 */
public final class TestDnsServer implements AutoCloseable {
  private static final long TTL = 300;
  private static final int MAX_CNAME_HOPS = 8;

  private final DatagramSocket socket;
  private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
  private final AtomicInteger questions = new AtomicInteger();
  private final boolean silent;
  private final int rcode;
  private final Duration delay;
  private final Thread thread;

  private TestDnsServer(boolean silent, int rcode, Duration delay) {
    this.silent = silent;
    this.rcode = rcode;
    this.delay = delay;
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback UDP port", e);
    }
    thread = Thread.ofVirtual().name("test-dns-" + port()).start(this::serveUntilClosed);
  }

  /** A server answering from its zone, empty until records are added. */
  public static TestDnsServer start() {
    return new TestDnsServer(false, Rcode.NOERROR, Duration.ZERO);
  }

  /** A server that reads every question and never answers. */
  public static TestDnsServer silent() {
    return new TestDnsServer(true, Rcode.NOERROR, Duration.ZERO);
  }

  /** A server that answers every question with {@code rcode} ({@link Rcode#SERVFAIL}, ...). */
  public static TestDnsServer answering(int rcode) {
    return new TestDnsServer(false, rcode, Duration.ZERO);
  }

  /**
   * A server answering from its zone, each answer sent {@code delay} after its question arrived.
   * Questions are answered one after another, so two at once take twice as long.
   */
  public static TestDnsServer answeringAfter(Duration delay) {
    return new TestDnsServer(false, Rcode.NOERROR, delay);
  }

  public TestDnsServer a(String name, String address) {
    return add(new ARecord(name(name), DClass.IN, TTL, literal(address, Address.IPv4)));
  }

  public TestDnsServer aaaa(String name, String address) {
    return add(new AAAARecord(name(name), DClass.IN, TTL, literal(address, Address.IPv6)));
  }

  public TestDnsServer cname(String name, String target) {
    return add(new CNAMERecord(name(name), DClass.IN, TTL, name(target)));
  }

  public TestDnsServer mx(String name, int priority, String exchange) {
    return add(new MXRecord(name(name), DClass.IN, TTL, priority, name(exchange)));
  }

  /** One TXT record made of {@code strings} (each at most 255 bytes). */
  public TestDnsServer txt(String name, String... strings) {
    return add(new TXTRecord(name(name), DClass.IN, TTL, List.of(strings)));
  }

  public TestDnsServer ns(String name, String nameserver) {
    return add(new NSRecord(name(name), DClass.IN, TTL, name(nameserver)));
  }

  /** A name that exists but has no records: questions about it get NOERROR and no answer. */
  public TestDnsServer empty(String name) {
    zone.computeIfAbsent(name(name), n -> new CopyOnWriteArrayList<>());
    return this;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code 127.0.0.1:PORT}, as a DNS target's nameserver. */
  public String nameserver() {
    return "127.0.0.1:" + port();
  }

  /** How many questions arrived, answered or not. */
  public int questions() {
    return questions.get();
  }

  @Override
  public void close() {
    socket.close();
    thread.interrupt();
  }

  private TestDnsServer add(Record record) {
    zone.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>()).add(record);
    return this;
  }

  private void serveUntilClosed() {
    byte[] buffer = new byte[65535];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        questions.incrementAndGet();
        if (silent) {
          continue;
        }
        Message question = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
        byte[] out = answer(question).toWire();
        holdBack();
        socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
      } catch (IOException closedOrGarbage) {
        // A closed socket ends the loop; a packet that is not DNS gets no answer.
      }
    }
  }

  /** Waits out {@link #delay} (parking may wake early), or until the server is closed. */
  private void holdBack() {
    long until = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos(); left > 0 && !socket.isClosed(); ) {
      LockSupport.parkNanos(left);
      left = until - System.nanoTime();
    }
  }

  private Message answer(Message query) {
    Message response = new Message(query.getHeader().getID());
    Header header = response.getHeader();
    header.setFlag(Flags.QR);
    header.setFlag(Flags.AA);
    header.setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      header.setFlag(Flags.RD);
    }
    Record q = query.getQuestion();
    if (q == null) {
      header.setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(q, Section.QUESTION);
    if (rcode != Rcode.NOERROR) {
      header.setRcode(rcode);
      return response;
    }
    Name name = q.getName();
    if (!zone.containsKey(name)) {
      header.setRcode(Rcode.NXDOMAIN);
      return response;
    }
    for (int hop = 0; hop < MAX_CNAME_HOPS; hop++) {
      List<Record> records = zone.getOrDefault(name, List.of());
      List<Record> matching = new ArrayList<>();
      Record alias = null;
      for (Record r : records) {
        if (r.getType() == q.getType()) {
          matching.add(r);
        } else if (r.getType() == Type.CNAME) {
          alias = r;
        }
      }
      matching.forEach(r -> response.addRecord(r, Section.ANSWER));
      if (!matching.isEmpty() || alias == null) {
        break;
      }
      response.addRecord(alias, Section.ANSWER);
      name = ((CNAMERecord) alias).getTarget();
    }
    return response;
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + text, e);
    }
  }

  /** Parses an address literal without ever looking a name up. */
  private static InetAddress literal(String address, int family) {
    try {
      return Address.getByAddress(address, family);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + address, e);
    }
  }
}
