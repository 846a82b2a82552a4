package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.TestHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gatus config that leans on the forms Tickr now reads as Gatus does (placeholders on the right,
 * {@code pat()} and {@code any()} on the left, whole numbers in hexadecimal, octal, binary or with
 * {@code _}, {@code len()} and {@code has()} of a whole body, two literals): imported whole, it
 * passes {@code tickr validate}, and it runs with each monitor judged as Gatus judges it.
 */
class GatusImportSemanticsTest {
  @TempDir Path dir;

  @Test
  void a_gatus_config_using_its_less_common_forms_is_carried_over_whole_and_runs()
      throws Exception {
    try (TestHttpServer api =
        TestHttpServer.plain()
            .json("/stats", 200, "{\"count\":\"0x10\",\"flags\":\"0b0110\",\"total\":\"1_000\"}")
            .json("/users", 200, "[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]")
            .text("/hello", 200, "hello, world")
            .text("/empty", 200, "")) {
      Path gatus =
          Files.writeString(
              dir.resolve("config.yaml"),
              """
              endpoints:
                - name: stats
                  url: "${API_BASE}/stats"
                  interval: 1s
                  conditions:
                    - "200 == [STATUS]"
                    - "any(200, 204) == [STATUS]"
                    - "[BODY].count == 16"
                    - "[BODY].count == 0x10"
                    - "[BODY].flags >= 0b100"
                    - "[BODY].total < 0o2000"
                    - "[BODY].total == 1_000"
                - name: users
                  url: "${API_BASE}/users"
                  interval: 1s
                  conditions:
                    - "len([BODY]) == 3"
                    - "has([BODY]) == true"
                - name: hello
                  url: "${API_BASE}/hello"
                  interval: 1s
                  conditions:
                    - "pat(hello*) == [BODY]"
                    - "len([BODY]) == 12"
                    - "1 == 1"
                - name: empty
                  url: "${API_BASE}/empty"
                  interval: 1s
                  conditions:
                    - "has([BODY]) == true"
              """);
      Path out = dir.resolve("gatus.tickr.yml");
      CliRunner cli = new CliRunner(Map.of("API_BASE", "http://127.0.0.1:" + api.port()));
      CliRunner.Run run = cli.run("import", "gatus", gatus.toString(), "-o", out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("4 monitors, 0 channels imported; 0 things not carried over");
      String yaml = Files.readString(out);
      assertThat(yaml)
          .contains(
              """
                  conditions:
                    - "[STATUS] == 200"
                    - "[STATUS] == any(200, 204)"
                    - "[BODY].count == 16"
                    - "[BODY].count == 0x10"
                    - "[BODY].flags >= 0b100"
                    - "[BODY].total < 0o2000"
                    - "[BODY].total == 1_000"
              """)
          .contains(
              "- \"[BODY] == pat(hello*)\"\n      - \"len([BODY]) == 12\"\n      - \"1 == 1\"");
      CliRunner.Run valid = cli.run("validate", "-c", out.toString());
      assertThat(valid.exitCode()).as(valid.err() + "\n" + yaml).isZero();

      Path data = dir.resolve("data");
      try (RunningDaemon tickr = cli.start(out, data)) {
        Map<String, String> expected =
            Map.of("stats", "UP", "users", "UP", "hello", "UP", "empty", "DOWN");
        AlertingEndToEndTest.eventually(
            Duration.ofSeconds(30),
            () -> states(cli, data).equals(expected),
            "every imported monitor judged as Gatus judges it: " + expected);
        assertThat(tickr.stop().exitCode()).isZero();
      }
    }
  }

  private static Map<String, String> states(CliRunner cli, Path data) {
    CliRunner.Run status = cli.run("status", "--json", "--data", data.toString());
    Map<String, String> states = new TreeMap<>();
    for (JsonNode m : status.json().path("monitors")) {
      states.put(m.path("name").asText(), m.path("state").asText());
    }
    return states;
  }
}
