package dev.tickr.check.net;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Reason;
import dev.tickr.testing.RefusingPort;
import dev.tickr.testing.SlowServer;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.testing.TestResolver;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/** {@link Dialer} against real sockets and a DNS server on loopback. */
class DialerTest {
  private static final Duration BUDGET = Duration.ofSeconds(20);

  /** Room for a busy two-core machine above a deadline or a delay; never below them. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private final Ticker ticker = Ticker.system();
  private final Dialer system = new Dialer(ticker, new DeadlineResolver());

  private Dialer asking(TestDnsServer dns) {
    return new Dialer(ticker, new DeadlineResolver(TestResolver.asking(dns)::addresses));
  }

  @Test
  void connects_to_an_ip_address_without_a_lookup() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Dialer.Dial dial = system.dial("127.0.0.1", server.getLocalPort(), deadline(BUDGET));

      try (Socket socket = requireNonNull(dial.socket())) {
        assertThat(dial.connected()).isTrue();
        assertThat(dial.failure()).isNull();
        assertThat(socket.isConnected()).isTrue();
        assertThat(socket.getPort()).isEqualTo(server.getLocalPort());
        assertThat(dial.ip()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(dial.dns()).as("an IP address needs no lookup").isNull();
        assertThat(dial.connect()).isNotNull();
      }
    }
  }

  @Test
  void times_the_lookup_of_a_name_apart_from_the_connect() throws IOException {
    Duration delay = Duration.ofMillis(1500);
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TestDnsServer dns = TestDnsServer.answeringAfter(delay).a("db.tickr.test", "127.0.0.1")) {
      Dialer.Dial dial = asking(dns).dial("db.tickr.test", server.getLocalPort(), deadline(BUDGET));

      try (Socket socket = requireNonNull(dial.socket())) {
        assertThat(socket.isConnected()).isTrue();
        assertThat(dial.dns()).isBetween(delay, delay.plus(SLACK));
        assertThat(dial.connect()).isNotNull().isLessThan(delay);
      }
    }
  }

  @Test
  void a_port_nobody_listens_on_refuses_the_connection() {
    try (RefusingPort refusing = RefusingPort.open()) {
      Dialer.Dial dial = system.dial("127.0.0.1", refusing.port(), deadline(BUDGET));

      assertThat(dial.connected()).isFalse();
      assertThat(dial.socket()).isNull();
      assertThat(dial.failure()).isEqualTo(new Failure(Reason.CONNECT, "connection refused"));
      assertThat(dial.ip()).isEqualTo(InetAddress.getLoopbackAddress());
      assertThat(dial.connect()).isNotNull();
    }
  }

  @Test
  void every_address_refusing_reports_the_refusal_and_the_last_address_tried() throws Exception {
    try (RefusingPort refusing = RefusingPort.open();
        TestDnsServer dns =
            TestDnsServer.start().a("db.tickr.test", "127.0.0.1").a("db.tickr.test", "127.0.0.1")) {
      Dialer.Dial dial = asking(dns).dial("db.tickr.test", refusing.port(), deadline(BUDGET));

      assertThat(dial.failure()).isEqualTo(new Failure(Reason.CONNECT, "connection refused"));
      assertThat(requireNonNull(dial.ip()).getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(dial.dns()).isNotNull();
    }
  }

  @Test
  void a_name_that_does_not_exist_is_a_dns_failure_without_a_connect() {
    try (TestDnsServer dns = TestDnsServer.start()) {
      Dialer.Dial dial = asking(dns).dial("nowhere.tickr.test", 5432, deadline(BUDGET));

      assertThat(dial.failure())
          .isEqualTo(new Failure(Reason.DNS, "DNS: no such host nowhere.tickr.test"));
      assertThat(dial.dns()).isNotNull();
      assertThat(dial.connect()).isNull();
      assertThat(dial.ip()).isNull();
    }
  }

  @Test
  void a_failing_nameserver_is_a_temporary_dns_failure() {
    try (TestDnsServer dns = TestDnsServer.answering(Rcode.SERVFAIL)) {
      Dialer.Dial dial = asking(dns).dial("db.tickr.test", 5432, deadline(BUDGET));

      assertThat(dial.failure())
          .isEqualTo(
              new Failure(
                  Reason.DNS,
                  "DNS: lookup of db.tickr.test failed (temporary failure in name resolution)"));
    }
  }

  @Test
  void a_nameserver_that_never_answers_times_out_at_the_deadline_while_resolving() {
    Duration budget = Duration.ofMillis(900);
    try (TestDnsServer dns = TestDnsServer.silent()) {
      long start = ticker.nanos();
      Dialer.Dial dial = asking(dns).dial("db.tickr.test", 5432, deadline(budget));

      assertThat(ticker.since(start)).isBetween(budget, budget.plus(SLACK));
      assertThat(dial.failure())
          .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after 900ms while resolving DNS"));
      assertThat(dial.dns()).isNotNull().isGreaterThanOrEqualTo(budget);
      assertThat(dial.connect()).isNull();
    }
  }

  @Test
  void a_connect_that_is_never_accepted_times_out_at_the_deadline_while_connecting() {
    Duration budget = Duration.ofMillis(1200);
    try (SlowServer held = SlowServer.heldBacklog()) {
      long start = ticker.nanos();
      Dialer.Dial dial = system.dial("127.0.0.1", held.port(), deadline(budget));

      assertThat(ticker.since(start)).isBetween(budget, budget.plus(SLACK));
      assertThat(dial.failure())
          .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after 1.2s while connecting"));
      assertThat(dial.ip()).isEqualTo(InetAddress.getLoopbackAddress());
      assertThat(dial.connect()).isNotNull();
    }
  }

  @Test
  void an_expired_deadline_connects_nowhere() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Dialer.Dial dial = system.dial("127.0.0.1", server.getLocalPort(), deadline(Duration.ZERO));

      assertThat(dial.connected()).isFalse();
      assertThat(dial.failure()).extracting(Failure::reason).isEqualTo(Reason.TIMEOUT);
    }
  }

  private Deadline deadline(Duration budget) {
    return Deadline.after(budget, ticker);
  }
}
