package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.HttpTarget;
import dev.tickr.check.auth.OAuth2Auth;
import dev.tickr.check.auth.OAuth2Settings;
import dev.tickr.check.auth.OAuth2Settings.ClientAuth;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.testing.BuiltInTypes;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code auth: {oauth2: ...}} read into the settings a token is fetched with. */
class OAuth2ConfigTest {
  private static final Map<String, String> ENV =
      Map.of("CLIENT_SECRET", "oauth2-config-secret-1a2b", "SID", "3456789");

  private static Config load(String yaml) throws ConfigException {
    return BuiltInTypes.loader(ENV).parse("tickr.yml", yaml);
  }

  private static OAuth2Settings settings(MonitorSpec spec) {
    HttpTarget target = ((HttpType.Settings) spec.settings()).target();
    return ((OAuth2Auth) Objects.requireNonNull(target.auth())).settings();
  }

  @Test
  void reads_every_key_and_defaults_client_auth_to_basic() throws ConfigException {
    Config config =
        load(
            """
            monitors:
              - name: rakuten
                url: https://api.example.com/events
                auth:
                  oauth2:
                    token-url: https://auth.example.com/token
                    client-id: tickr
                    client-secret: ${CLIENT_SECRET}
                    scope: ${SID}
                    audience: https://api.example.com
                    params: {resource: reports, sid: 42}
              - name: body
                url: https://api.example.com/other
                auth:
                  oauth2:
                    token-url: http://127.0.0.1:8081/token
                    client-id: tickr
                    client-secret: ${CLIENT_SECRET}
                    scope: [read, write]
                    client-auth: body
            """);
    OAuth2Settings s = settings(config.monitors().get(0));
    assertThat(s.tokenUrl()).isEqualTo(URI.create("https://auth.example.com/token"));
    assertThat(s.clientId()).isEqualTo("tickr");
    assertThat(s.clientSecret()).isEqualTo("oauth2-config-secret-1a2b");
    assertThat(s.scope()).isEqualTo("3456789");
    assertThat(s.audience()).isEqualTo("https://api.example.com");
    assertThat(s.params())
        .containsExactly(Map.entry("resource", "reports"), Map.entry("sid", "42"));
    assertThat(s.clientAuth()).isEqualTo(ClientAuth.BASIC);

    OAuth2Settings other = settings(config.monitors().get(1));
    assertThat(other.scope()).isEqualTo("read write");
    assertThat(other.clientAuth()).isEqualTo(ClientAuth.BODY);
    assertThat(config.monitors().get(0).settings().secretValues())
        .contains("oauth2-config-secret-1a2b");
    assertThat(config.monitors().get(0).settings().toString() + s)
        .doesNotContain("oauth2-config-secret-1a2b");
  }

  @Test
  void auth_in_defaults_gives_every_monitor_the_same_settings() throws ConfigException {
    Config config =
        load(
            """
            defaults:
              auth:
                oauth2: {token-url: "https://auth.example.com/token", client-id: tickr, client-secret: "${CLIENT_SECRET}"}
            monitors:
              - {name: a, url: "https://api.example.com/a"}
              - {name: b, url: "https://api.example.com/b"}
            """);
    assertThat(settings(config.monitors().get(0))).isEqualTo(settings(config.monitors().get(1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"client-secret: other-secret-9z8y", "scope: reports", "client-auth: body"})
  void a_changed_setting_changes_the_fingerprint(String change) throws ConfigException {
    String base =
        """
        monitors:
          - name: m
            url: https://api.example.com/a
            auth:
              oauth2:
                token-url: https://auth.example.com/token
                client-id: tickr
                client-secret: ${CLIENT_SECRET}
        """;
    String fingerprint = load(base).monitors().get(0).fingerprint();
    assertThat(load(base).monitors().get(0).fingerprint()).isEqualTo(fingerprint);
    String changed =
        change.startsWith("client-secret")
            ? base.replace("client-secret: ${CLIENT_SECRET}", change)
            : base + "        " + change + "\n";
    assertThat(load(changed).monitors().get(0).fingerprint()).isNotEqualTo(fingerprint);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "127.1.2.3", "[::1]", "api.localhost"})
  void plain_http_is_allowed_to_a_loopback_token_endpoint(String host) {
    assertThat(OAuth2Settings.loopbackHost(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth.example.com", "10.0.0.1", "localhost.example.com", "[::2]"})
  void plain_http_is_refused_to_any_other(String host) {
    assertThat(OAuth2Settings.loopbackHost(host)).isFalse();
  }
}
