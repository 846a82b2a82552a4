package dev.tickr.check.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.Deadline;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.testing.TestResolver;
import dev.tickr.time.Ticker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Rcode;

/** {@link DeadlineResolver} asking a loopback DNS server, bounded by a check's deadline. */
class DeadlineResolverTest {
  private static final Duration BUDGET = Duration.ofSeconds(20);

  /** Room for a busy two-core machine above a deadline or a delay; never below them. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private final Ticker ticker = Ticker.system();

  private static DeadlineResolver asking(TestDnsServer dns) {
    return new DeadlineResolver(TestResolver.asking(dns)::addresses);
  }

  @Test
  void resolves_every_address_of_a_name_in_the_servers_order() throws Exception {
    try (TestDnsServer dns =
        TestDnsServer.start().a("api.tickr.test", "127.0.0.1").a("api.tickr.test", "10.0.0.7")) {
      List<InetAddress> addresses =
          asking(dns).resolve("api.tickr.test", Deadline.after(BUDGET, ticker));

      assertThat(addresses)
          .extracting(InetAddress::getHostAddress)
          .containsExactly("127.0.0.1", "10.0.0.7");
      assertThat(dns.questions()).isEqualTo(1);
    }
  }

  @Test
  void the_system_resolver_finds_localhost_on_loopback() throws Exception {
    List<InetAddress> addresses =
        new DeadlineResolver().resolve("localhost", Deadline.after(BUDGET, ticker));

    assertThat(addresses).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
  }

  @Test
  void a_name_the_server_does_not_know_is_an_unknown_host_in_the_resolvers_words() {
    try (TestDnsServer dns = TestDnsServer.start()) {
      assertThatThrownBy(
              () -> asking(dns).resolve("nowhere.tickr.test", Deadline.after(BUDGET, ticker)))
          .isExactlyInstanceOf(UnknownHostException.class)
          .hasMessage("nowhere.tickr.test: Name or service not known");
    }
  }

  @Test
  void a_failing_server_is_an_unknown_host_saying_the_failure_is_temporary() {
    try (TestDnsServer dns = TestDnsServer.answering(Rcode.SERVFAIL)) {
      assertThatThrownBy(
              () -> asking(dns).resolve("api.tickr.test", Deadline.after(BUDGET, ticker)))
          .isExactlyInstanceOf(UnknownHostException.class)
          .hasMessage("api.tickr.test: Temporary failure in name resolution");
    }
  }

  @Test
  void a_lookup_that_breaks_is_an_unknown_host_naming_the_host_and_keeping_the_cause() {
    IllegalStateException broken = new IllegalStateException("resolver configuration is broken");
    DeadlineResolver resolver =
        new DeadlineResolver(
            host -> {
              throw broken;
            });

    assertThatThrownBy(() -> resolver.resolve("api.tickr.test", Deadline.after(BUDGET, ticker)))
        .isExactlyInstanceOf(UnknownHostException.class)
        .hasMessageStartingWith("api.tickr.test: ")
        .hasMessageContaining("resolver configuration is broken")
        .hasCause(broken);
  }

  @Test
  void a_slow_answer_within_the_deadline_is_waited_for() throws Exception {
    Duration delay = Duration.ofMillis(600);
    try (TestDnsServer dns = TestDnsServer.answeringAfter(delay).a("api.tickr.test", "127.0.0.1")) {
      long start = ticker.nanos();
      List<InetAddress> addresses =
          asking(dns).resolve("api.tickr.test", Deadline.after(BUDGET, ticker));
      Duration took = ticker.since(start);

      assertThat(addresses).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
      assertThat(took).isBetween(delay, delay.plus(SLACK));
    }
  }

  @Test
  void a_server_that_never_answers_ends_the_lookup_at_the_deadline_as_a_timeout() {
    Duration budget = Duration.ofMillis(800);
    try (TestDnsServer dns = TestDnsServer.silent()) {
      long start = ticker.nanos();
      assertThatThrownBy(
              () -> asking(dns).resolve("api.tickr.test", Deadline.after(budget, ticker)))
          .isExactlyInstanceOf(DeadlineResolver.LookupTimeoutException.class)
          .hasMessage("DNS lookup of api.tickr.test timed out");
      assertThat(ticker.since(start)).isBetween(budget, budget.plus(SLACK));
    }
  }

  @Test
  void an_expired_deadline_gives_up_at_once() {
    try (TestDnsServer dns = TestDnsServer.silent()) {
      long start = ticker.nanos();
      assertThatThrownBy(
              () -> asking(dns).resolve("api.tickr.test", Deadline.after(Duration.ZERO, ticker)))
          .isExactlyInstanceOf(DeadlineResolver.LookupTimeoutException.class);
      assertThat(ticker.since(start)).isLessThan(SLACK);
    }
  }

  @Test
  void an_interrupted_caller_gets_a_timeout_and_keeps_its_interrupt() {
    try (TestDnsServer dns = TestDnsServer.silent()) {
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(
                () -> asking(dns).resolve("api.tickr.test", Deadline.after(BUDGET, ticker)))
            .isExactlyInstanceOf(DeadlineResolver.LookupTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "10.20.30.40, true",
    "::1, true",
    "2001:db8::7, true",
    "localhost, false",
    "api.tickr.test, false",
    "1.2.3, false",
    "1.2.3.4.example, false",
  })
  void an_ip_literal_needs_no_lookup(String host, boolean literal) {
    assertThat(DeadlineResolver.isIpLiteral(host)).isEqualTo(literal);
  }
}
