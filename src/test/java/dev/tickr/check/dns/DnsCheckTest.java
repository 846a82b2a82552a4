package dev.tickr.check.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.DnsTarget;
import dev.tickr.check.Failure;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.time.Ticker;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Rcode;

/** {@link DnsCheck} asking a {@link TestDnsServer} on loopback; nothing leaves the machine. */
class DnsCheckTest {
  private static final Duration BUDGET = Duration.ofSeconds(5);

  private static final TestDnsServer zone =
      TestDnsServer.start()
          .a("api.example.test", "10.0.0.1")
          .a("api.example.test", "10.0.0.2")
          .aaaa("api.example.test", "2001:db8::1")
          .cname("www.example.test", "api.example.test")
          .mx("example.test", 10, "mx1.example.test")
          .mx("example.test", 20, "mx2.example.test")
          .txt("example.test", "v=spf1 ", "-all")
          .ns("example.test", "ns1.example.test")
          .empty("empty.example.test");

  private final Ticker ticker = Ticker.system();
  private final DnsCheck check = new DnsCheck(ticker);

  @AfterAll
  static void stopServer() {
    zone.close();
  }

  private Observation ask(String host, String type) {
    return ask(new DnsTarget(host, type, zone.nameserver()), BUDGET);
  }

  private Observation ask(DnsTarget target, Duration budget) {
    return check.observe(target, Deadline.after(budget, ticker));
  }

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          api.example.test | A     | 10.0.0.1\\n10.0.0.2
          api.example.test | AAAA  | 2001:db8::1
          www.example.test | CNAME | api.example.test.
          www.example.test | A     | 10.0.0.1\\n10.0.0.2
          example.test     | MX    | 10 mx1.example.test.\\n20 mx2.example.test.
          example.test     | TXT   | v=spf1 -all
          example.test     | NS    | ns1.example.test.
          """)
  void answers_each_record_type_one_per_line(String host, String type, String expected) {
    Observation o = ask(host, type);

    assertThat(o.failure()).isNull();
    assertThat(o.connected()).isTrue();
    assertThat(o.body().text()).isEqualTo(expected.replace("\\n", "\n"));
    assertThat(o.headers().get(DnsCheck.RCODE_HEADER)).contains("NOERROR");
  }

  @Test
  void reports_url_nameserver_address_and_timings() throws Exception {
    Observation o = ask("api.example.test", "a");

    assertThat(o.url())
        .isEqualTo(URI.create("dns://api.example.test?type=A&server=" + zone.nameserver()));
    assertThat(o.ip()).isEqualTo(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    assertThat(o.timings().dns()).isNotNull().isPositive();
    assertThat(o.timings().total()).isGreaterThanOrEqualTo(o.timings().dns());
    assertThat(o.timings().connect()).isNull();
    assertThat(o.status()).isNull();
    assertThat(o.tls()).isNull();
  }

  @Test
  void a_name_without_records_of_the_type_is_an_empty_answer_not_a_failure() {
    Observation o = ask("empty.example.test", "A");

    assertThat(o.failure()).isNull();
    assertThat(o.body().text()).isEmpty();
    assertThat(o.headers().get(DnsCheck.RCODE_HEADER)).contains("NOERROR");
  }

  @Test
  void an_unknown_name_is_nxdomain() {
    Observation o = ask("nope.example.test", "A");

    assertThat(o.failure())
        .isEqualTo(new Failure(Reason.DNS, "DNS: no such host nope.example.test"));
    assertThat(o.connected()).as("an answer arrived").isTrue();
    assertThat(o.headers().get(DnsCheck.RCODE_HEADER)).contains("NXDOMAIN");
  }

  @Test
  void a_server_failure_is_a_dns_failure_naming_the_code() {
    try (TestDnsServer failing = TestDnsServer.answering(Rcode.SERVFAIL)) {
      Observation o = ask(new DnsTarget("api.example.test", "A", failing.nameserver()), BUDGET);

      assertThat(o.failure()).isEqualTo(new Failure(Reason.DNS, "DNS: server answered SERVFAIL"));
      assertThat(o.headers().get(DnsCheck.RCODE_HEADER)).contains("SERVFAIL");
    }
  }

  @Test
  void a_refusing_server_is_a_dns_failure_naming_the_code() {
    try (TestDnsServer refusing = TestDnsServer.answering(Rcode.REFUSED)) {
      Observation o = ask(new DnsTarget("api.example.test", "A", refusing.nameserver()), BUDGET);

      assertThat(o.failure()).isEqualTo(new Failure(Reason.DNS, "DNS: server answered REFUSED"));
    }
  }

  @Test
  void a_silent_server_times_out_at_the_deadline() {
    try (TestDnsServer silent = TestDnsServer.silent()) {
      Duration budget = Duration.ofMillis(600);
      long start = System.nanoTime();
      Observation o = ask(new DnsTarget("api.example.test", "A", silent.nameserver()), budget);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(o.failure())
          .isEqualTo(new Failure(Reason.TIMEOUT, "timeout after 600ms while resolving DNS"));
      assertThat(o.connected()).isFalse();
      assertThat(took).isBetween(budget.minusMillis(50), budget.plusSeconds(2));
      assertThat(silent.questions()).isPositive();
    }
  }

  @Test
  void conditions_judge_the_rcode_header() throws Exception {
    CheckResult result = judge(ask("api.example.test", "A"), "[HEADER].X-Dns-Rcode == NOERROR");

    assertThat(result.success()).as(result.toString()).isTrue();
  }

  @Test
  void conditions_judge_the_answers_as_the_body() throws Exception {
    Observation o = ask("api.example.test", "A");

    assertThat(judge(o, "[BODY] == pat(*10.0.0.1*)").success()).isTrue();
    assertThat(judge(o, "[BODY] == pat(*10.9.9.9*)").success()).isFalse();
    assertThat(judge(o, "len([BODY]) > 0").success()).isTrue();
    assertThat(judge(ask("empty.example.test", "A"), "len([BODY]) > 0").success()).isFalse();
  }

  @Test
  void a_nameserver_may_be_given_without_a_port_or_as_an_ipv6_literal() {
    assertThat(new DnsTarget("example.test", "A", "192.0.2.53").nameserverPort()).isEqualTo(53);
    assertThat(new DnsTarget("example.test", "A", "[::1]:5353").nameserverHost()).isEqualTo("::1");
    assertThat(new DnsTarget("example.test", "A", "[::1]:5353").nameserverPort()).isEqualTo(5353);
    assertThat(new DnsTarget("example.test", "A", "::1").nameserverHost()).isEqualTo("::1");
    assertThat(new DnsTarget("example.test", "mx", null).url())
        .isEqualTo(URI.create("dns://example.test?type=MX"));
  }

  @Test
  void a_target_rejects_an_unsupported_query_type() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new DnsTarget("example.test", "SRV", null))
        .withMessageContaining("A, AAAA, CNAME, MX, TXT, NS");
  }

  @Test
  void shortens_ipv6_addresses_as_rfc_5952_does() {
    assertThat(DnsCheck.shortIpv6("2001:db8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(DnsCheck.shortIpv6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(DnsCheck.shortIpv6("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
    assertThat(DnsCheck.shortIpv6("2001:db8:1:1:1:1:1:1")).isEqualTo("2001:db8:1:1:1:1:1:1");
  }

  private static CheckResult judge(Observation o, String... conditions)
      throws ConditionSyntaxException {
    List<Condition> parsed = new ArrayList<>();
    for (String condition : conditions) {
      parsed.add(ConditionParser.parse(condition));
    }
    return new Judge(Clock.systemUTC()).judge(o, parsed);
  }
}
