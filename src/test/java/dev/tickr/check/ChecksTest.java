package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.dns.DnsCheck;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.check.tcp.TcpCheck;
import dev.tickr.check.tls.TlsCheck;
import dev.tickr.testing.Ports;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.time.Ticker;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The registry hands each kind of target to its own check. */
class ChecksTest {
  private final Ticker ticker = Ticker.system();
  private final Clock clock = Clock.systemUTC();
  private final Checks checks =
      new Checks(
          new HttpCheck(clock, ticker, "Tickr/test"),
          new TcpCheck(ticker),
          new TlsCheck(clock, ticker),
          new DnsCheck(ticker));

  private Observation observe(Target target) {
    return checks.observe(target, Deadline.after(Duration.ofSeconds(5), ticker));
  }

  @Test
  void routes_every_kind_of_target_to_its_check() {
    int closed = Ports.closed();
    try (TestDnsServer dns = TestDnsServer.start().a("api.example.test", "10.0.0.1")) {
      assertThat(observe(HttpTarget.get(URI.create("http://127.0.0.1:" + closed + "/"))).url())
          .hasScheme("http");
      assertThat(observe(new TcpTarget("127.0.0.1", closed)).url()).hasScheme("tcp");
      assertThat(observe(TlsTarget.of("127.0.0.1", closed)).url()).hasScheme("tls");
      Observation answer = observe(new DnsTarget("api.example.test", "A", dns.nameserver()));
      assertThat(answer.url()).hasScheme("dns");
      assertThat(answer.body().text()).isEqualTo("10.0.0.1");
    }
  }
}
