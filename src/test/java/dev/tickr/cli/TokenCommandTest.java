package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr token create|list|revoke} on a data directory, as a script would use them. */
class TokenCommandTest {
  private static final String TOKEN = "tkr_[A-Za-z0-9_-]{43}";

  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();
  private String data = "";

  @BeforeEach
  void dataDirectory() {
    SqliteStore.open(dir.resolve("data"), Retention.defaults(), Clock.systemUTC()).close();
    data = dir.resolve("data").toString();
  }

  private CliRunner.Run tickr(String... args) {
    return cli.run(args);
  }

  @Test
  void create_prints_only_the_token_on_stdout_and_list_never_shows_it() {
    CliRunner.Run made =
        tickr("token", "create", "--name", "deploy", "--role", "admin", "--data", data);
    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(made.out()).matches(TOKEN + "\\R");
    assertThat(made.err()).contains("#1").contains("\"deploy\"").contains("admin");
    String token = made.out().strip();

    CliRunner.Run list = tickr("token", "list", "--data", data);
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .containsPattern("ID +NAME +ROLE +CREATED +LAST USED +REVOKED +EXPIRES +CREATED BY")
        .containsPattern(
            "1 +deploy +admin +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +- +- +- +cli")
        .doesNotContain(token);

    JsonNode json = tickr("token", "list", "--json", "--data", data).json();
    JsonNode first = json.path("tokens").get(0);
    assertThat(first.path("id").asLong()).isEqualTo(1);
    assertThat(first.path("name").asText()).isEqualTo("deploy");
    assertThat(first.path("role").asText()).isEqualTo("admin");
    assertThat(first.path("created_at").asText()).isNotEmpty();
    assertThat(first.path("last_used_at").isNull()).isTrue();
    assertThat(first.path("revoked_at").isNull()).isTrue();
    assertThat(first.path("expires_at").isNull()).as("without --expires: never").isTrue();
    assertThat(json.toString()).doesNotContain(token).doesNotContain(token.substring(4));
  }

  @Test
  void two_tokens_are_different_and_a_viewer_token_says_viewer() {
    String a = tickr("token", "create", "--name", "a", "--role", "viewer", "--data", data).out();
    String b = tickr("token", "create", "--name", "b", "--role", "viewer", "--data", data).out();
    assertThat(a).matches(TOKEN + "\\R").isNotEqualTo(b);
    assertThat(tickr("token", "list", "--data", data).out()).containsPattern("2 +b +viewer");
  }

  @Test
  void bad_input_exits_2_naming_the_flag_and_creates_nothing() {
    tickr("token", "create", "--name", "taken", "--role", "viewer", "--data", data);

    CliRunner.Run role = tickr("token", "create", "--name", "x", "--role", "owner", "--data", data);
    assertThat(role.exitCode()).isEqualTo(2);
    assertThat(role.err()).contains("--role").contains("admin or viewer").contains("owner");
    assertThat(role.out()).isEmpty();

    CliRunner.Run duplicate =
        tickr("token", "create", "--name", "taken", "--role", "admin", "--data", data);
    assertThat(duplicate.exitCode()).isEqualTo(2);
    assertThat(duplicate.err()).contains("--name").contains("\"taken\" exists already");
    assertThat(duplicate.out()).isEmpty();

    CliRunner.Run badName =
        tickr("token", "create", "--name", "42", "--role", "admin", "--data", data);
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("--name").contains("starting with a letter");

    CliRunner.Run missing =
        tickr(
            "token",
            "create",
            "--name",
            "x",
            "--role",
            "admin",
            "--data",
            dir.resolve("nowhere").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--data").contains("nowhere");
    assertThat(dir.resolve("nowhere")).doesNotExist();

    CliRunner.Run noRole = tickr("token", "create", "--name", "x", "--data", data);
    assertThat(noRole.exitCode()).isEqualTo(2);
    assertThat(noRole.err()).contains("--role");

    assertThat(tickr("token", "list", "--json", "--data", data).json().path("tokens"))
        .as("only the first token exists")
        .hasSize(1);
  }

  @Test
  void expires_sets_when_the_token_stops_working() {
    CliRunner.Run made =
        tickr(
            "token",
            "create",
            "--name",
            "ci",
            "--role",
            "viewer",
            "--expires",
            "30d",
            "--data",
            data);
    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(made.out()).matches(TOKEN + "\\R");

    JsonNode token = tickr("token", "list", "--json", "--data", data).json().at("/tokens/0");
    Duration lifetime =
        Duration.between(
            Instant.parse(token.path("created_at").asText()),
            Instant.parse(token.path("expires_at").asText()));
    assertThat(lifetime).isEqualTo(Duration.ofDays(30));
    assertThat(made.err())
        .contains(
            "expires "
                + token.path("expires_at").asText().substring(0, 19).replace('T', ' ')
                + " UTC");
  }

  @Test
  void a_bad_expires_exits_2_naming_the_flag_and_creates_nothing() {
    for (String bad : new String[] {"soon", "30", "0s", "59s", "-1d", "3651d"}) {
      CliRunner.Run refused =
          tickr(
              "token",
              "create",
              "--name",
              "x",
              "--role",
              "admin",
              "--expires",
              bad,
              "--data",
              data);
      assertThat(refused.exitCode()).as(bad).isEqualTo(2);
      assertThat(refused.err()).as(bad).contains("--expires");
      assertThat(refused.out()).as(bad).isEmpty();
    }
    assertThat(tickr("token", "list", "--json", "--data", data).json().path("tokens")).isEmpty();
  }

  @Test
  void revoke_by_name_or_id_then_the_name_is_free_again() {
    tickr("token", "create", "--name", "ci", "--role", "admin", "--data", data);
    tickr("token", "create", "--name", "grafana", "--role", "viewer", "--data", data);

    CliRunner.Run byName = tickr("token", "revoke", "ci", "--data", data);
    assertThat(byName.exitCode()).as(byName.err()).isZero();
    assertThat(byName.out()).contains("Revoked API token #1 \"ci\"");
    CliRunner.Run byId = tickr("token", "revoke", "2", "--data", data);
    assertThat(byId.exitCode()).isZero();
    assertThat(byId.out()).contains("#2 \"grafana\"");

    CliRunner.Run again = tickr("token", "revoke", "ci", "--data", data);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("no live token").contains("\"ci\"");

    CliRunner.Run reused =
        tickr("token", "create", "--name", "ci", "--role", "viewer", "--data", data);
    assertThat(reused.exitCode()).as(reused.err()).isZero();
    JsonNode tokens = tickr("token", "list", "--json", "--data", data).json().path("tokens");
    assertThat(tokens).hasSize(3);
    assertThat(tokens.get(0).path("revoked_at").isNull()).isFalse();
    assertThat(tokens.get(2).path("revoked_at").isNull()).isTrue();
  }

  @Test
  void without_a_subcommand_it_says_which_there_are() {
    CliRunner.Run bare = tickr("token");
    assertThat(bare.exitCode()).isEqualTo(2);
    assertThat(bare.err()).contains("create").contains("list").contains("revoke");
  }
}
