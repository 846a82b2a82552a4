package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.check.Deadline;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.auth.SignatureAuth;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code auth: {signature: ...}} read from YAML: the monitor signs each request as written (a
 * loopback server recomputes ShareASale's scheme), and its key and secrets are masked in the API's
 * monitor object and in every description. Problems by place are in {@code
 * config/invalid/auth-signature-problems.yml}.
 */
class SignatureConfigTest {
  private static final String SAS_SECRET = "sas-secret-from-env-4c3b2a19";
  private static final String SAS_TOKEN = "sas-token-from-env-0f1e2d3c";
  private static final String HOOK_KEY = "hook-key-literal-7e6d5c4b";
  private static final ConfigLoader LOADER =
      BuiltInTypes.loader(Map.of("SAS_SECRET", SAS_SECRET, "SAS_TOKEN", SAS_TOKEN));

  private final TestHttpServer server = TestHttpServer.plain();

  @AfterEach
  void stop() {
    server.close();
  }

  private String yaml() {
    return """
        monitors:
          - name: shareasale ledger
            url: %s
            auth:
              signature:
                algorithm: sha256
                secrets: {token: "${SAS_TOKEN}", secret: "${SAS_SECRET}"}
                date: rfc1123
                sign: "{secret:token}:{date}:{query:action}:{secret:secret}"
                encoding: hex
                headers:
                  x-ShareASale-Date: "{date}"
                  x-ShareASale-Authentication: "{signature}"
          - name: signed hook
            url: https://hooks.example.com/in
            body: '{"ping":true}'
            auth:
              signature:
                algorithm: hmac-sha256
                key: %s
                date: unix
                sign: "{date}.{body}"
                headers: {X-Timestamp: "{date}", X-Signature: "sha256={signature}"}
        """
        .formatted(
            server.url("/x.cfm?affiliateId=1&token=" + SAS_TOKEN + "&version=2.3&action=ledger"),
            HOOK_KEY);
  }

  @Test
  void a_shareasale_monitor_signs_its_requests_as_the_server_checks_them() throws Exception {
    server.route("/x.cfm", SignatureConfigTest::shareAsale);
    Config config = LOADER.parse("tickr.yml", yaml());
    HttpTarget target = target(config, "shareasale ledger");

    Ticker ticker = Ticker.system();
    Observation o =
        BuiltInTypes.registry()
            .observe(
                monitor(config, "shareasale ledger"),
                Deadline.after(Duration.ofSeconds(30), ticker));

    assertThat(target.auth()).isInstanceOf(SignatureAuth.class);
    assertThat(o.status()).isEqualTo(200);
    RecordedRequest sent = server.requests().get(0);
    assertThat(sent.header("x-ShareASale-Date"))
        .matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  }

  @Test
  void the_api_shows_the_scheme_with_its_key_and_secrets_masked() throws Exception {
    Config config = LOADER.parse("tickr.yml", yaml());
    MonitorSpec sas = monitor(config, "shareasale ledger");
    MonitorSpec hook = monitor(config, "signed hook");

    ObjectNode sasJson = MonitorJson.of(sas, List.of(SAS_SECRET, SAS_TOKEN));
    ObjectNode hookJson = MonitorJson.of(hook, List.of());

    assertThat(sasJson.at("/auth/signature/secrets/token").textValue()).isEqualTo("***");
    assertThat(sasJson.at("/auth/signature/secrets/secret").textValue()).isEqualTo("***");
    assertThat(sasJson.at("/auth/signature/sign").textValue())
        .isEqualTo("{secret:token}:{date}:{query:action}:{secret:secret}");
    assertThat(sasJson.at("/auth/signature/headers/x-ShareASale-Authentication").textValue())
        .isEqualTo("{signature}");
    assertThat(hookJson.at("/auth/signature/key").textValue()).isEqualTo("***");
    assertThat(hookJson.at("/auth/signature/algorithm").textValue()).isEqualTo("hmac-sha256");
    String shown =
        sasJson
            + " "
            + hookJson
            + " "
            + sas.settings()
            + " "
            + hook.settings()
            + " "
            + sas.settings().describe()
            + " "
            + target(config, "signed hook");
    assertThat(shown).doesNotContain(SAS_SECRET).doesNotContain(HOOK_KEY);
    assertThat(hook.settings().secretValues()).contains(HOOK_KEY);
    assertThat(sas.settings().secretValues()).contains(SAS_SECRET, SAS_TOKEN);
  }

  @Test
  void changing_the_key_changes_the_fingerprint() throws Exception {
    Config one = LOADER.parse("tickr.yml", yaml());
    Config two = LOADER.parse("tickr.yml", yaml().replace(HOOK_KEY, "another-key"));
    Config same = LOADER.parse("tickr.yml", yaml());
    assertThat(monitor(one, "signed hook").fingerprint())
        .isNotEqualTo(monitor(two, "signed hook").fingerprint())
        .isEqualTo(monitor(same, "signed hook").fingerprint());
  }

  private static Reply shareAsale(RecordedRequest r) throws Exception {
    String date = Objects.requireNonNullElse(r.header("x-ShareASale-Date"), "");
    String sig = Objects.requireNonNullElse(r.header("x-ShareASale-Authentication"), "");
    String signed = SAS_TOKEN + ":" + date + ":ledger:" + SAS_SECRET;
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(signed.getBytes(StandardCharsets.UTF_8)));
    return Reply.status(sig.equals(expected) ? 200 : 401);
  }

  private static MonitorSpec monitor(Config config, String name) {
    return config.monitors().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static HttpTarget target(Config config, String name) {
    return ((HttpType.Settings) monitor(config, name).settings()).target();
  }
}
