package dev.tickr.check.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.TcpTarget;
import dev.tickr.check.net.DeadlineResolver;
import dev.tickr.check.net.Dialer;
import dev.tickr.testing.Ports;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link TcpCheck} against real sockets on loopback. */
class TcpCheckTest {
  private static final Duration BUDGET = Duration.ofSeconds(5);

  private final Ticker ticker = Ticker.system();
  private final TcpCheck check = new TcpCheck(ticker);

  private Observation observe(TcpTarget target, Duration budget) {
    return check.observe(target, Deadline.after(budget, ticker));
  }

  @Test
  void connects_to_a_listening_port_and_reports_address_and_timings() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Observation o = observe(new TcpTarget("127.0.0.1", server.getLocalPort()), BUDGET);

      assertThat(o.failure()).isNull();
      assertThat(o.connected()).isTrue();
      assertThat(o.url()).isEqualTo(URI.create("tcp://127.0.0.1:" + server.getLocalPort()));
      assertThat(o.ip()).isEqualTo(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      assertThat(o.timings().dns()).as("an IP address needs no lookup").isNull();
      assertThat(o.timings().connect()).isNotNull();
      assertThat(o.timings().total()).isGreaterThanOrEqualTo(o.timings().connect());
      assertThat(o.status()).isNull();
      assertThat(o.tls()).isNull();
    }
  }

  @Test
  void resolves_a_host_name_before_connecting_and_times_the_lookup() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Observation o = observe(new TcpTarget("localhost", server.getLocalPort()), BUDGET);

      assertThat(o.connected()).as(String.valueOf(o.failure())).isTrue();
      assertThat(o.timings().dns()).isNotNull();
      assertThat(o.ip()).isNotNull().matches(InetAddress::isLoopbackAddress);
    }
  }

  @Test
  void a_closed_port_is_a_refused_connection() {
    Observation o = observe(new TcpTarget("127.0.0.1", Ports.closed()), BUDGET);

    assertThat(o.connected()).isFalse();
    assertThat(o.failure()).isEqualTo(new Failure(Reason.CONNECT, "connection refused"));
    assertThat(o.timings().connect()).isNotNull();
  }

  @Test
  void an_unknown_host_is_a_dns_failure() {
    TcpCheck noSuchHost =
        withLookup(
            host -> {
              throw new UnknownHostException(host + ": Name or service not known");
            });

    Observation o =
        noSuchHost.observe(new TcpTarget("api.example.test", 80), Deadline.after(BUDGET, ticker));

    assertThat(o.connected()).isFalse();
    assertThat(o.failure())
        .isEqualTo(new Failure(Reason.DNS, "DNS: no such host api.example.test"));
    assertThat(o.timings().dns()).isNotNull();
    assertThat(o.timings().connect()).isNull();
  }

  @Test
  void a_lookup_that_hangs_times_out_at_the_deadline() {
    CountDownLatch never = new CountDownLatch(1);
    TcpCheck hanging =
        withLookup(
            host -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new UnknownHostException(host);
            });
    Duration budget = Duration.ofMillis(300);
    long start = System.nanoTime();

    Observation o =
        hanging.observe(new TcpTarget("api.example.test", 80), Deadline.after(budget, ticker));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(budget.plusSeconds(2));
    assertThat(o.failure())
        .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after 300ms while resolving DNS"));
  }

  @Test
  void tries_each_address_of_a_name_until_one_accepts() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      InetAddress dead = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
      InetAddress live = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      TcpCheck twoAddresses = withLookup(host -> new InetAddress[] {dead, live});

      Observation o =
          twoAddresses.observe(
              new TcpTarget("api.example.test", server.getLocalPort()),
              Deadline.after(BUDGET, ticker));

      assertThat(o.connected()).as(String.valueOf(o.failure())).isTrue();
      assertThat(o.ip()).isEqualTo(live);
    }
  }

  @Test
  void a_connect_that_hangs_times_out_at_the_deadline() throws IOException {
    try (FullBacklog server = new FullBacklog()) {
      Duration budget = Duration.ofMillis(800);
      long start = System.nanoTime();
      Observation o = observe(new TcpTarget("127.0.0.1", server.port()), budget);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o.connected()).isFalse();
      assertThat(o.failure())
          .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after 800ms while connecting"));
      assertThat(took).isBetween(budget.minusMillis(50), budget.plusSeconds(2));
    }
  }

  @Test
  void an_expired_deadline_gives_a_timeout_without_connecting() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Observation o = observe(new TcpTarget("127.0.0.1", server.getLocalPort()), Duration.ZERO);

      assertThat(o.connected()).isFalse();
      assertThat(o.failure()).extracting(Failure::reason).isEqualTo(Reason.TIMEOUT);
    }
  }

  @Test
  void conditions_judge_connected_and_ip() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Observation up = observe(new TcpTarget("127.0.0.1", server.getLocalPort()), BUDGET);
      Observation down = observe(new TcpTarget("127.0.0.1", Ports.closed()), BUDGET);

      CheckResult passed = judge(up, "[CONNECTED] == true", "[IP] == 127.0.0.1");
      CheckResult failed = judge(down, "[CONNECTED] == true");

      assertThat(passed.success()).as(passed.toString()).isTrue();
      assertThat(failed.success()).isFalse();
      assertThat(failed.reason()).isEqualTo(Reason.CONNECT);
      assertThat(failed.error()).isEqualTo("connection refused");
    }
  }

  @Test
  void a_target_rejects_a_port_out_of_range() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new TcpTarget("db.example.com", 70000))
        .withMessageContaining("port");
  }

  @Test
  void an_ipv6_target_is_written_in_brackets() {
    assertThat(new TcpTarget("::1", 5432).url()).isEqualTo(URI.create("tcp://[::1]:5432"));
  }

  private TcpCheck withLookup(DeadlineResolver.Lookup lookup) {
    return new TcpCheck(ticker, new Dialer(ticker, new DeadlineResolver(lookup)));
  }

  private static CheckResult judge(Observation o, String... conditions)
      throws ConditionSyntaxException {
    List<Condition> parsed = new ArrayList<>();
    for (String condition : conditions) {
      parsed.add(ConditionParser.parse(condition));
    }
    return new Judge(Clock.systemUTC()).judge(o, parsed);
  }

  /**
   * A listener whose accept queue is full and never drained, so that the kernel drops further
   * connection attempts and a client's connect hangs until its timeout.
   */
  private static final class FullBacklog implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> queued = new ArrayList<>();

    FullBacklog() throws IOException {
      listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket();
        try {
          s.connect(address, 200);
          queued.add(s);
        } catch (SocketTimeoutException full) {
          s.close();
          return;
        }
      }
      throw new IllegalStateException("the accept queue never filled up");
    }

    int port() {
      return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      for (Socket s : queued) {
        s.close();
      }
      listener.close();
    }
  }
}
