package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr completion}: scripts made from the commands, tried in a real bash. */
class CompletionCommandTest {
  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();

  /** What bash completes for the words typed so far, the script sourced. */
  private String complete(String script, String... words) throws Exception {
    Path file = dir.resolve("tickr.bash");
    Files.writeString(file, script);
    String typed = String.join(" ", words);
    String probe =
        "source "
            + file
            + "\nCOMP_WORDS=("
            + typed
            + ")\nCOMP_CWORD="
            + (words.length - 1)
            + "\nCOMP_LINE='"
            + typed
            + "'\nCOMP_POINT=${#COMP_LINE}\n_complete_tickr\necho \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void bash_completes_commands_and_their_flags() throws Exception {
    CliRunner.Run run = cli.run("completion", "bash");
    assertThat(run.exitCode()).isZero();
    assertThat(complete(run.out(), "tickr", "valid")).isEqualTo("validate");
    assertThat(complete(run.out(), "tickr", "run", "--con")).contains("--config");
    assertThat(complete(run.out(), "tickr", "comp")).isEqualTo("completion");
  }

  @Test
  void zsh_runs_the_bash_script_through_bashcompinit() {
    CliRunner.Run run = cli.run("completion", "zsh");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("autoload -U +X compinit").contains("_complete_tickr");
  }

  @Test
  void fish_gets_a_line_for_every_command_and_flag() {
    CliRunner.Run run = cli.run("completion", "fish");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("complete -c tickr -n __fish_use_subcommand -a run -d ")
        .contains("complete -c tickr -n '__fish_seen_subcommand_from run' -s c -l config -r")
        .contains("-a validate")
        .doesNotContain("\n\n");
  }

  @Test
  void an_unknown_shell_is_a_usage_error() {
    CliRunner.Run run = cli.run("completion", "powershell");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown shell \"powershell\": one of bash, zsh, fish");
  }
}
