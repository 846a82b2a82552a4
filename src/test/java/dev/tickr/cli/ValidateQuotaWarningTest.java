package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickr validate} says where a quota stretched intervals, and the file is still valid. */
class ValidateQuotaWarningTest {
  @TempDir Path dir;

  @Test
  void a_stretched_interval_is_a_warning_at_the_quota_and_exit_code_0() throws Exception {
    Path file = dir.resolve("tickr.yml");
    Files.writeString(
        file,
        """
        monitors:
          - name: impact-actions
            url: http://127.0.0.1:1/actions
            interval: 1m
            quota: {key: impact-acct-1, limit: 500, per: 1h, share: 10%}
          - name: impact-reports
            url: http://127.0.0.1:1/reports
            interval: 1m
            quota: {key: impact-acct-1}
        """);

    CliRunner.Run run = new CliRunner(Map.of()).run("validate", "--config", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("valid (2 monitors");
    assertThat(run.err().lines())
        .containsExactly(
            file
                + ":5:12: warning: monitor \"impact-actions\": interval stretched from 1m to"
                + " 2m24s by quota impact-acct-1 (50 of 500/1h); at their configured intervals its"
                + " monitors would make 120 checks per 1h",
            file
                + ":9:12: warning: monitor \"impact-reports\": interval stretched from 1m to"
                + " 2m24s by quota impact-acct-1 (50 of 500/1h); at their configured intervals its"
                + " monitors would make 120 checks per 1h");
  }
}
