package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr run} refusing to start: every problem said, nothing left behind. */
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void an_invalid_config_leaves_no_data_directory_behind() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: postback
                url: not-a-url
            """);
    Path data = dir.resolve("new/data");

    CliRunner.Run run = run(config, data);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(config + ":3:10: url must start with http:// or https://");
    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void a_data_directory_that_cannot_be_made_is_named_with_the_reason() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: postback
                url: http://127.0.0.1:9/postback
            """);
    Path inTheWay = Files.writeString(dir.resolve("data"), "a file");

    CliRunner.Run run = run(config, inTheWay);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "run: --data "
                + inTheWay
                + ": cannot create the data directory "
                + inTheWay
                + ": a file of that name is in the way")
        .doesNotContain("Exception");
    assertThat(Files.readString(inTheWay)).isEqualTo("a file");
  }

  private static CliRunner.Run run(Path config, Path data) {
    return new CliRunner()
        .run("run", "-c", config.toString(), "--data", data.toString(), "--listen", "127.0.0.1:0");
  }
}
