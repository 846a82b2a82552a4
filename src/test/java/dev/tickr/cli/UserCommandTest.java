package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.Role;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr user delete} and {@code tickr user set-role} through the real command line, on a
 * real data directory, while a real {@code tickr run} serves it.
 */
class UserCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "/api/v1/monitors";

  @TempDir Path dir;

  private final CliRunner cli =
      new CliRunner(
          Map.of(
              "TICKR_ADMIN_PASSWORD", "first-admin-secret-4711",
              "BOB_PW", "bob-password-1",
              "PW", "some-password-2"));

  @Test
  void deleting_a_user_ends_its_sessions_and_revokes_its_tokens_at_once() throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    Path data = dir.resolve("data");
    String d = data.toString();
    try (RunningDaemon tickr = cli.start(config, data);
        Browser bob = new Browser(tickr.port());
        Browser other = new Browser(tickr.port())) {
      CliRunner.Run added =
          cli.run("user", "add", "bob", "--role", "admin", "--password-env", "BOB_PW", "--data", d);
      assertThat(added.exitCode()).as(added.err()).isZero();
      String ci = cli.token(data, "ci", "viewer");

      assertThat(bob.login("bob", "bob-password-1").statusCode()).isEqualTo(303);
      String csrf = Browser.csrfField(bob.get("/").body());
      HttpResponse<String> made =
          bob.post(
              "/api/v1/tokens", "{\"name\": \"bobs\", \"role\": \"admin\"}", "X-CSRF-Token", csrf);
      assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
      String bobsToken = JSON.readTree(made.body()).path("token").asText();
      assertThat(bob.get(PROBE).statusCode()).isEqualTo(200);
      assertThat(other.get(PROBE, "Authorization", "Bearer " + bobsToken).statusCode())
          .isEqualTo(200);

      CliRunner.Run deleted = cli.run("user", "delete", "bob", "--data", d);
      assertThat(deleted.exitCode()).as(deleted.err()).isZero();
      assertThat(deleted.out())
          .isEqualTo("Deleted user bob; 1 session ended, 1 API token it made revoked.\n");

      assertThat(bob.get(PROBE).statusCode()).as("bob's session ended").isEqualTo(401);
      assertThat(other.get(PROBE, "Authorization", "Bearer " + bobsToken).statusCode())
          .as("bob's token is revoked")
          .isEqualTo(401);
      assertThat(other.get(PROBE, "Authorization", "Bearer " + ci).statusCode())
          .as("a token bob did not make goes on working")
          .isEqualTo(200);
      assertThat(bob.login("bob", "bob-password-1").statusCode())
          .as("bob cannot log in again")
          .isNotEqualTo(303);

      assertThat(cli.run("user", "list", "--data", d).out()).doesNotContain("bob");
      JsonNode tokens = cli.run("token", "list", "--json", "--data", d).json().path("tokens");
      assertThat(tokens.get(0).path("revoked_at").isNull()).as("ci").isTrue();
      assertThat(tokens.get(1).path("name").asText()).isEqualTo("bobs");
      assertThat(tokens.get(1).path("revoked_at").isNull()).as("bobs").isFalse();
    }
  }

  @Test
  void the_last_admin_can_be_neither_deleted_nor_demoted_and_nothing_changes() {
    Path data = dir.resolve("data");
    String d = data.toString();
    try (SqliteStore store = SqliteStore.open(data, Retention.defaults(), Clock.systemUTC())) {
      Accounts accounts = new Accounts(store, Clock.systemUTC());
      accounts.users().add("root", "root-password-1", Role.ADMIN);
      accounts.users().add("vic", "vic-password-1", Role.VIEWER);
      accounts.tokens().create("roots", Role.ADMIN, "user:root");
      accounts.tokens().create("rootv", Role.VIEWER, "user:root");
    }
    String users = cli.run("user", "list", "--data", d).out();
    String tokens = cli.run("token", "list", "--json", "--data", d).out();

    CliRunner.Run delete = cli.run("user", "delete", "root", "--data", d);
    assertThat(delete.exitCode()).isEqualTo(1);
    assertThat(delete.err())
        .contains("user delete: \"root\" is the last admin: add another admin first");
    CliRunner.Run demote = cli.run("user", "set-role", "root", "viewer", "--data", d);
    assertThat(demote.exitCode()).isEqualTo(1);
    assertThat(demote.err()).contains("user set-role: \"root\" is the last admin");
    assertThat(cli.run("user", "list", "--data", d).out()).isEqualTo(users);
    assertThat(cli.run("token", "list", "--json", "--data", d).out()).isEqualTo(tokens);

    CliRunner.Run noSuchUser = cli.run("user", "delete", "nobody", "--data", d);
    assertThat(noSuchUser.exitCode()).isEqualTo(1);
    assertThat(noSuchUser.err()).contains("no user named \"nobody\"");
    CliRunner.Run badRole = cli.run("user", "set-role", "vic", "owner", "--data", d);
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err()).contains("ROLE must be admin or viewer").contains("owner");
    assertThat(cli.run("user", "list", "--data", d).out()).isEqualTo(users);

    // With a second admin, root may step down; its admin token goes, its viewer token stays.
    CliRunner.Run promoted = cli.run("user", "set-role", "vic", "admin", "--data", d);
    assertThat(promoted.exitCode()).as(promoted.err()).isZero();
    assertThat(promoted.out()).isEqualTo("vic is admin now.\n");
    CliRunner.Run stepsDown = cli.run("user", "set-role", "root", "viewer", "--data", d);
    assertThat(stepsDown.exitCode()).as(stepsDown.err()).isZero();
    assertThat(stepsDown.out())
        .isEqualTo("root is viewer now, 1 admin API token it made revoked.\n");
    assertThat(cli.run("user", "list", "--data", d).out())
        .containsPattern("root +viewer")
        .containsPattern("vic +admin");
    JsonNode after = cli.run("token", "list", "--json", "--data", d).json().path("tokens");
    assertThat(after.get(0).path("revoked_at").isNull()).as("roots").isFalse();
    assertThat(after.get(1).path("revoked_at").isNull()).as("rootv").isTrue();

    // Now vic is the last admin; root, a viewer, may go.
    assertThat(cli.run("user", "delete", "vic", "--data", d).exitCode()).isEqualTo(1);
    CliRunner.Run rootGoes = cli.run("user", "delete", "root", "--data", d);
    assertThat(rootGoes.exitCode()).as(rootGoes.err()).isZero();
    assertThat(rootGoes.out())
        .isEqualTo("Deleted user root; 0 sessions ended, 1 API token it made revoked.\n");
    assertThat(cli.run("user", "list", "--data", d).out())
        .doesNotContain("root")
        .containsPattern("vic +admin");
  }
}
