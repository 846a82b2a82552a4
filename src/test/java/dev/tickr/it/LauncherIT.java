package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./tickr} launcher picks a JDK ≥ 21 by itself, whatever the default java is. */
class LauncherIT {
  private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  @Test
  void runs_with_a_modern_jdk_even_when_java_home_and_path_point_at_java_17() throws Exception {
    assumeTrue(Files.isDirectory(JDK_17), "this machine has no JDK 17 to mislead the launcher");
    ProcessBuilder b =
        new ProcessBuilder(TickrProcess.ROOT.resolve("tickr").toString(), "--version");
    b.environment().put("JAVA_HOME", JDK_17.toString());
    b.environment().put("PATH", JDK_17.resolve("bin") + ":/usr/bin:/bin");
    b.environment().remove("TICKR_JAVA_HOME");
    TickrProcess.Result r = TickrProcess.run(b, Duration.ofMinutes(5));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("tickr ");
  }

  @Test
  void validate_reports_every_problem_with_its_place_and_exits_2(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("tickr.yml"),
        """
        monitors:
          - name: a
            url: http://127.0.0.1:9/
            interval: 500ms
          - name: a
            url: ftp://nowhere/
            conditions: ["[STATU] < 400"]
        """);
    TickrProcess.Result r =
        TickrProcess.run(
            TickrProcess.jar(dir, "validate", "-c", "tickr.yml"), Duration.ofSeconds(30));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("tickr.yml:4:15: ")
        .contains("tickr.yml:5:")
        .contains("tickr.yml:6:")
        .contains("tickr.yml:7:");
  }

  @Test
  void check_json_from_the_packaged_jar(@TempDir Path dir) throws Exception {
    TickrProcess.Result r =
        TickrProcess.run(
            TickrProcess.jar(dir, "check", "http://127.0.0.1:9/", "--json", "--timeout", "2s"),
            Duration.ofSeconds(30));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("{\"url\":\"http://127.0.0.1:9/\"")
        .contains("\"reason\":\"connect\"");
    assertThat(r.err()).as("nothing else on stderr").isEmpty();
  }
}
