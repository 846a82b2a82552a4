package dev.tickr.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.auth.Accounts;
import dev.tickr.auth.Role;
import dev.tickr.config.ServerSpec;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.TricklingClient;
import dev.tickr.web.ApiProblem;
import dev.tickr.web.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal decided before the body is read (no token, a body too large or of the wrong type)
 * reaches a client that is still sending that body, instead of a reset connection.
 */
class ApiBodyLimitTest {
  private static final String PATH = ApiRoutes.PREFIX + "/body";

  @TempDir Path dir;

  @Test
  void a_client_still_sending_a_refused_body_reads_the_refusal() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      Accounts accounts = new Accounts(store, Clock.systemUTC());
      String token = accounts.tokens().create("ci", Role.ADMIN, "test").secret();
      String bearer = "Authorization: Bearer " + token + "\r\n";
      WebServer web =
          new WebServer(
              PingReceiver.none(),
              null,
              () -> ServerSpec.DEFAULT,
              accounts,
              config ->
                  config.routes.post(
                      PATH,
                      ctx -> {
                        try {
                          ctx.result(ApiHttp.body(ctx).toString());
                        } catch (ApiProblem p) {
                          ctx.status(p.status());
                        }
                      }));
      try {
        int port = web.start("127.0.0.1", 0);
        String json = "application/json";
        assertThat(TricklingClient.post(port, PATH, json, "", 60_000, 8, 40))
            .startsWith("HTTP/1.1 401");
        assertThat(
                TricklingClient.post(port, PATH, json, bearer, ApiRoutes.MAX_BODY + 6_000, 8, 40))
            .startsWith("HTTP/1.1 413");
        assertThat(TricklingClient.post(port, PATH, "text/plain", bearer, 20_000, 8, 40))
            .startsWith("HTTP/1.1 415");
      } finally {
        web.close();
      }
    }
  }
}
