package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.Ports;
import dev.tickr.testing.TestDnsServer;
import dev.tickr.time.Ticker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry hands each monitor to the check of its own type. */
class MonitorTypesTest {
  private final Ticker ticker = Ticker.system();
  private final MonitorTypes types = BuiltInTypes.registry();

  private Observation observe(MonitorSpec spec) {
    return types.observe(spec, Deadline.after(Duration.ofSeconds(5), ticker));
  }

  @Test
  void routes_every_probed_monitor_to_the_check_of_its_type() throws ConfigException {
    int closed = Ports.closed();
    try (TestDnsServer dns = TestDnsServer.start().a("api.example.test", "10.0.0.1")) {
      Config config =
          BuiltInTypes.loader(Map.of())
              .parse(
                  "tickr.yml",
                  """
                  monitors:
                    - name: web
                      url: http://127.0.0.1:%d/
                    - name: port
                      type: tcp
                      host: 127.0.0.1
                      port: %d
                    - name: cert
                      type: tls
                      host: 127.0.0.1
                      port: %d
                    - name: name
                      type: dns
                      host: api.example.test
                      nameserver: "%s"
                    - name: job
                      type: heartbeat
                      period: 1h
                  """
                      .formatted(closed, closed, closed, dns.nameserver()));

      assertThat(observe(config.monitor("web").orElseThrow()).url()).hasScheme("http");
      assertThat(observe(config.monitor("port").orElseThrow()).url()).hasScheme("tcp");
      assertThat(observe(config.monitor("cert").orElseThrow()).url()).hasScheme("tls");
      Observation answer = observe(config.monitor("name").orElseThrow());
      assertThat(answer.url()).hasScheme("dns");
      assertThat(answer.body().text()).isEqualTo("10.0.0.1");
      MonitorSpec job = config.monitor("job").orElseThrow();
      assertThat(job.pushed()).isTrue();
      assertThatThrownBy(() -> observe(job))
          .hasMessageContaining("heartbeat monitors are not probed");
    }
  }
}
