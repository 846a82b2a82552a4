package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.config.Config;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpProxy;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An OAuth2 monitor with a {@code proxy} fetches its token through that proxy too, as a host that
 * may only leave through a whitelisted egress proxy needs.
 */
class OAuth2EgressTest {
  private static final String PASSWORD = "egress-token-proxy-pw-9a8b";

  @Test
  void the_token_request_goes_through_the_monitors_proxy() throws Exception {
    try (TestHttpServer server = TestHttpServer.plain();
        TestHttpProxy proxy = TestHttpProxy.requiring("egress", PASSWORD)) {
      server.route(
          "/token",
          r ->
              Reply.status(200).json("{\"access_token\": \"egress-token-1\", \"expires_in\": 60}"));
      server.route(
          "/api",
          r ->
              Reply.status("Bearer egress-token-1".equals(r.header("Authorization")) ? 200 : 401)
                  .text("api"));
      Config config =
          BuiltInTypes.loader(Map.of("S", "egress-client-secret-1"))
              .parse(
                  "tickr.yml",
                  """
                  monitors:
                    - name: behind egress
                      url: %s
                      proxy: %s
                      auth:
                        oauth2: {token-url: "%s", client-id: egress-test, client-secret: "${S}"}
                  """
                      .formatted(
                          server.url("/api"),
                          proxy.url("egress:" + PASSWORD),
                          server.url("/token")));

      Observation o =
          BuiltInTypes.registry()
              .observe(
                  config.monitors().get(0),
                  Deadline.after(Duration.ofSeconds(20), Ticker.system()));

      assertThat(o.status()).as(String.valueOf(o.failure())).isEqualTo(200);
      assertThat(proxy.passed())
          .contains("POST " + server.url("/token"), "GET " + server.url("/api"));
      assertThat(proxy.logins()).contains("egress:" + PASSWORD);
    }
  }
}
