package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.TestHttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditions written as Gatus allows them, judged by {@code tickr check} on real answers from a
 * loopback server: matchers and literals on either side, whole numbers spelt in hexadecimal, octal,
 * binary or with {@code _}, {@code len()} and {@code has()} of a whole body, and comparisons of two
 * literals. Each row is judged as Gatus judges it, except where docs/conditions.md lists a
 * deliberate difference (marked below).
 */
class GatusSemanticsTest {
  private static TestHttpServer server;
  private final CliRunner cli = new CliRunner(Map.of());

  @BeforeAll
  static void start() {
    server =
        TestHttpServer.plain()
            .json("/name", 200, "{\"name\": \"john.doe\"}")
            .json("/users", 200, "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]")
            .json(
                "/numbers",
                200,
                """
                {"data":"0x1","big":"0xC0ff33","oct":"0o17","bin":"0b0010","sep":"1_000",\
                "plus":"+5","legacy":"010","count":16,"ratio":"0.5"}""")
            .text("/text", 200, "john.doe")
            .text("/empty", 200, "")
            .text("/busy", 429, "slow down");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{1} on {0} holds: {2}, actual: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # pat() and any() on either side, placeholders on the right
          /name    | pat(john*) == [BODY].name            | true  | john.doe
          /name    | pat(jane*) != [BODY].name            | true  | john.doe
          /busy    | any(200, 429) == [STATUS]            | true  | 429
          /text    | any(200, 429) == [STATUS]            | true  | 200
          /name    | 200 == [STATUS]                      | true  | 200
          /name    | 300 > [STATUS]                       | true  | 200
          /busy    | 400 >= [STATUS]                      | false | 429
          /name    | john.doe == [BODY].name              | true  | john.doe
          # whole numbers as Go spells them, in the condition and in JSON strings
          /name    | [STATUS] == 0xC8                     | true  | 200
          /numbers | [BODY].data == 1                     | true  | 0x1
          /numbers | [BODY].data == 0x1                   | true  | 0x1
          /numbers | [BODY].data > 0                      | true  | 0x1
          /numbers | [BODY].big == 12648243               | true  | 0xC0ff33
          /numbers | [BODY].oct == 15                     | true  | 0o17
          /numbers | [BODY].bin == 0b10                   | true  | 0b0010
          /numbers | [BODY].bin >= 2                      | true  | 0b0010
          /numbers | [BODY].sep == 1000                   | true  | 1_000
          /numbers | [BODY].sep < 1_001                   | true  | 1_000
          /numbers | [BODY].plus == 5                     | true  | +5
          /numbers | [BODY].count == 0x10                 | true  | 16
          /numbers | [BODY].count != 0o20                 | false | 16
          # deliberate difference: a bare leading 0 is not octal (Gatus: 010 is 8)
          /numbers | [BODY].legacy == 8                   | false | 010
          /numbers | [BODY].legacy == 010                 | true  | 010
          # deliberate difference: orderings are exact (Gatus cuts 0.5 to 0)
          /numbers | [BODY].ratio > 0                     | true  | 0.5
          # len() and has() of a whole body
          /name    | len([BODY]) == 20                    | true  | 20
          /users   | len([BODY]) == 3                     | true  | 3
          /text    | len([BODY]) == 8                     | true  | 8
          /text    | has([BODY]) == true                  | true  | true
          /empty   | has([BODY]) == false                 | true  | false
          /empty   | len([BODY]) == 0                     | true  | 0
          # two literals
          /text    | 1 == 1                               | true  | 1
          /text    | up == down                           | false | up
          /text    | 0x10 == 16                           | true  | 0x10
          /text    | 2 < 10                               | true  | 2
          /text    | any(200, 429) == 200                 | true  | 200
          """)
  void judges_like_gatus(String path, String condition, boolean holds, String actual) {
    CliRunner.Run run =
        cli.run("check", server.url(path).toString(), "--expect", condition, "--json");
    JsonNode result = run.json().path("conditions").get(0);
    assertThat(result.path("condition").asText()).isEqualTo(condition);
    assertThat(result.path("success").asBoolean()).as(run.out()).isEqualTo(holds);
    assertThat(result.path("actual").asText()).isEqualTo(actual);
    assertThat(run.exitCode()).isEqualTo(holds ? 0 : 1);
  }
}
