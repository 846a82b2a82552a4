package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.Tickr;
import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.testing.MutableClock;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An http monitor whose URL, headers and body hold placeholders sends, at each check, the values
 * they give at the check's time, read from the injected clock, to a loopback server that records
 * them. Wrong placeholders by place are in {@code config/invalid/bad-placeholders.yml}.
 */
class GeneratedValuesTest {
  private static final String KEY = "window-signing-key-5d4c3b2a";
  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private final TestHttpServer server = TestHttpServer.plain();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T20:15:42Z"));
  private final Tickr tickr = new Tickr(Map.of(), clock, Ticker.system());
  private final ConfigLoader loader = new ConfigLoader(Map.of(), tickr.types().definitions());

  @AfterEach
  void stop() {
    server.close();
  }

  private String yaml() {
    return """
        monitors:
          - name: awin transactions
            url: http://127.0.0.1:%d/tx?startDate={{now-30d/d:yyyy-MM-dd}}&endDate={{now:yyyy-MM-dd}}&at={{now:rfc1123}}
            headers:
              X-Sent-At: "{{now:unix}}"
              Accept: application/json
            body: |
              {"conversion_id": "{{uuid}}", "order": "ord-{{random:8}}", "literal": "\\{{kept}}"}
          - name: signed window
            url: http://127.0.0.1:%d/signed?from={{now-1d/d:unix}}&to={{now/d:unix}}
            auth:
              signature:
                algorithm: hmac-sha256
                key: %s
                sign: "{query:from}.{query:to}"
                headers: {X-Signature: "{signature}"}
        """
        .formatted(server.port(), server.port(), KEY);
  }

  private Observation check(Config config, String name) {
    return tickr
        .types()
        .observe(monitor(config, name), Deadline.after(Duration.ofSeconds(30), Ticker.system()));
  }

  @Test
  void each_check_sends_the_values_its_placeholders_give_at_the_clocks_time() throws Exception {
    server.route("/tx", r -> Reply.status(200));
    Config config = loader.parse("tickr.yml", yaml());

    Observation first = check(config, "awin transactions");
    clock.advance(Duration.ofDays(1));
    Observation second = check(config, "awin transactions");

    assertThat(first.status()).isEqualTo(200);
    List<RecordedRequest> sent = server.requests();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).target())
        .isEqualTo(
            "/tx?startDate=2026-11-07&endDate=2026-12-07&at=Mon%2C%2007%20Dec%202026%2020:15:42%20GMT");
    assertThat(sent.get(1).target()).startsWith("/tx?startDate=2026-11-08&endDate=2026-12-08&");
    assertThat(sent.get(0).header("X-Sent-At")).isEqualTo("1796674542");
    assertThat(sent.get(1).header("X-Sent-At")).isEqualTo("1796760942");
    assertThat(sent.get(0).header("Content-Type")).startsWith("application/json");
    assertThat(sent.get(0).body())
        .matches(
            "\\{\"conversion_id\": \""
                + UUID
                + "\", \"order\": \"ord-[0-9]{8}\", \"literal\": \"\\{\\{kept}}\"}\n");
    assertThat(sent.get(1).body()).isNotEqualTo(sent.get(0).body());
    assertThat(first.url().toString())
        .as("the observation shows the URL as sent")
        .startsWith("http://127.0.0.1:" + server.port() + "/tx?startDate=2026-11-07&");
    assertThat(second.url().toString()).contains("endDate=2026-12-08");
  }

  @Test
  void a_signature_covers_the_values_sent() throws Exception {
    server.route("/signed", GeneratedValuesTest::verify);
    Config config = loader.parse("tickr.yml", yaml());

    Observation o = check(config, "signed window");

    assertThat(o.status()).isEqualTo(200);
    assertThat(server.requests().get(0).target())
        .isEqualTo("/signed?from=1796515200&to=1796601600");
  }

  @Test
  void the_monitor_shows_and_fingerprints_its_placeholders_as_written() throws Exception {
    Config one = loader.parse("tickr.yml", yaml());
    clock.advance(Duration.ofDays(3));
    Config two = loader.parse("tickr.yml", yaml());
    Config edited = loader.parse("tickr.yml", yaml().replace("now-30d/d", "now-31d/d"));
    MonitorSpec awin = monitor(one, "awin transactions");

    ObjectNode json = MonitorJson.of(awin, List.of());

    assertThat(json.at("/url").textValue())
        .isEqualTo(
            "http://127.0.0.1:"
                + server.port()
                + "/tx?startDate={{now-30d/d:yyyy-MM-dd}}&endDate={{now:yyyy-MM-dd}}&at={{now:rfc1123}}");
    assertThat(json.at("/headers/X-Sent-At").textValue()).isEqualTo("{{now:unix}}");
    assertThat(json.at("/body").textValue()).contains("\"{{uuid}}\"");
    assertThat(awin.settings().describe()).contains("startDate={{now-30d/d:yyyy-MM-dd}}");
    assertThat(awin.fingerprint())
        .isEqualTo(monitor(two, "awin transactions").fingerprint())
        .isNotEqualTo(monitor(edited, "awin transactions").fingerprint());
  }

  private static Reply verify(RecordedRequest r) throws Exception {
    String query = r.target().substring(r.target().indexOf('?') + 1);
    String from = query.replaceAll(".*from=([0-9]+).*", "$1");
    String to = query.replaceAll(".*to=([0-9]+).*", "$1");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal((from + "." + to).getBytes(StandardCharsets.UTF_8)));
    String got = Objects.requireNonNullElse(r.header("X-Signature"), "");
    return Reply.status(got.equals(expected) ? 200 : 401);
  }

  private static MonitorSpec monitor(Config config, String name) {
    return config.monitors().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }
}
