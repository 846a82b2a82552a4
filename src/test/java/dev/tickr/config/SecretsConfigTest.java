package dev.tickr.config;

import static dev.tickr.config.Fixtures.http;
import static dev.tickr.config.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.check.Header;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.types.TlsType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Auth and secrets in a config: what becomes a secret header, what is never printed, and values
 * from the environment.
 */
class SecretsConfigTest {

  @Test
  void basic_auth_becomes_a_secret_authorization_header() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: campaigns
                url: https://api.impact.com/Advertisers/${IMPACT_SID}/Campaigns
                auth:
                  basic:
                    username: ${IMPACT_SID}
                    password: ${IMPACT_TOKEN}
            """);

    String expected =
        Base64.getEncoder()
            .encodeToString(
                "IRtestSid1230000000000000000000000:impact-test-token"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(http(spec).headers())
        .containsExactly(Header.secret("Authorization", "Basic " + expected));
    assertThat(http(spec).url().getPath())
        .isEqualTo("/Advertisers/IRtestSid1230000000000000000000000/Campaigns");
  }

  @Test
  void bearer_and_header_auth_become_secret_headers() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - name: bearer
                url: https://api.example.com/a
                auth: {bearer: literal-token}
              - name: header
                url: https://api.example.com/b
                auth:
                  header: {name: X-Network-Token, value: plain-in-the-file}
            """);

    assertThat(http(config.monitor("bearer").orElseThrow()).headers())
        .containsExactly(Header.secret("Authorization", "Bearer literal-token"));
    assertThat(http(config.monitor("header").orElseThrow()).headers())
        .containsExactly(Header.secret("X-Network-Token", "plain-in-the-file"));
  }

  @Test
  void marks_header_values_secret_when_they_come_from_the_environment_or_their_name_says_so()
      throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: offers
                url: https://api.example.com/offers
                headers:
                  Accept: application/json
                  X-Partner: ${API_HOST}
                  X-Api-Key: written-in-the-file
                  Cookie: session=abc
                  X-Signature: abc
                  X-Auth-Token: abc
            """);

    assertThat(http(spec).headers())
        .extracting(Header::name, Header::secret)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Accept", false),
            org.assertj.core.groups.Tuple.tuple("X-Partner", true),
            org.assertj.core.groups.Tuple.tuple("X-Api-Key", true),
            org.assertj.core.groups.Tuple.tuple("Cookie", true),
            org.assertj.core.groups.Tuple.tuple("X-Signature", true),
            org.assertj.core.groups.Tuple.tuple("X-Auth-Token", true));
  }

  @Test
  void never_prints_a_secret() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - name: ops
                type: webhook
                url: https://hooks.example.com/tickr
                secret: ${WEBHOOK_SECRET}
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                auth: {bearer: "${TUNE_NETWORK_TOKEN}"}
                headers: {X-Api-Key: "${POSTBACK_SECRET}"}
            """);

    assertThat(config.toString())
        .doesNotContain("webhook-test-secret", "tune-test-token", "postback-test-secret")
        .contains("***");
  }

  @Test
  void a_problem_never_shows_a_value_from_the_environment() {
    ConfigLoader loader = BuiltInTypes.loader(Map.of("INTERVAL", "soon", "TOKEN", "not-a-port"));

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                loader.parse(
                    "tickr.yml",
                    """
                    monitors:
                      - name: db
                        type: tcp
                        host: db.internal
                        port: ${TOKEN}
                        interval: ${INTERVAL}
                    """));

    assertThat(e.problems())
        .map(Problem::toString)
        .containsExactly(
            "tickr.yml:5:11: port must be a whole number, got ***",
            "tickr.yml:6:15: interval must be a duration like 30s, got ***");
  }

  @Test
  void a_double_dollar_writes_a_literal_dollar_brace() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: templated
                url: https://api.example.com/templated
                headers:
                  X-Template: "$${NOT_A_VARIABLE} costs $5 and $$ stays"
            """);

    assertThat(http(spec).headers())
        .containsExactly(Header.plain("X-Template", "${NOT_A_VARIABLE} costs $5 and $$ stays"));
  }

  @Test
  void a_value_from_the_environment_is_read_as_its_field_requires() throws ConfigException {
    MonitorSpec spec =
        only(
            """
            monitors:
              - name: certificate
                type: tls
                host: ${API_HOST}
                port: ${PORT}
            """);

    assertThat(spec.settings()).isEqualTo(new TlsType.Settings("api.example.com", 8443));
  }
}
