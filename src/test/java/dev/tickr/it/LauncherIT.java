package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./tickr} launcher picks a JDK ≥ 21 by itself, whatever the default java is. */
class LauncherIT {
  private static final Path JDK_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  /** Where the launcher unpacks SQLite's native library, next to the jar. */
  private static final Path NATIVE =
      TickrProcess.ROOT.resolve("target/tickr.native").toAbsolutePath().normalize();

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
  void takes_the_jdk_it_is_told_to_when_it_is_new_enough_reading_its_version_either_way(
      @TempDir Path dir) throws Exception {
    Path mark = dir.resolve("ran.txt");
    Path with21 = fakeJdk(dir, "with-release-21", "JAVA_VERSION=\"21.0.5\"\n", mark);
    Path without = fakeJdk(dir, "without-release", null, mark); // asks the real java (>= 21)
    Path with17 =
        fakeJdk(dir, "with-release-17", "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.2\"\n", mark);

    for (Path jdk : List.of(with21, without, with17)) {
      ProcessBuilder b =
          new ProcessBuilder(TickrProcess.ROOT.resolve("tickr").toString(), "--version");
      b.environment().put("TICKR_JAVA_HOME", jdk.toString());
      b.environment().put("TICKR_AOT", "0");
      TickrProcess.Result r = TickrProcess.run(b, Duration.ofMinutes(5));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("tickr ");
    }
    List<String> ran = Files.readAllLines(mark);
    assertThat(ran)
        .as("each java the launcher ran")
        .anyMatch(line -> line.startsWith("with-release-21 ") && line.endsWith(" --version"))
        .anyMatch(line -> line.startsWith("without-release ") && line.endsWith(" --version"))
        .noneMatch(line -> line.startsWith("with-release-17"));
  }

  @Test
  void runs_only_the_quick_compiler_unless_told_otherwise(@TempDir Path dir) throws Exception {
    Path mark = dir.resolve("ran.txt");
    Path jdk = fakeJdk(dir, "jdk", "JAVA_VERSION=\"21.0.5\"\n", mark);
    for (String jit : new String[] {null, "quick", "full", "fastest"}) {
      ProcessBuilder b =
          new ProcessBuilder(TickrProcess.ROOT.resolve("tickr").toString(), "--version");
      b.environment().put("TICKR_JAVA_HOME", jdk.toString());
      b.environment().put("TICKR_AOT", "0");
      b.environment().remove("TICKR_JIT");
      if (jit != null) {
        b.environment().put("TICKR_JIT", jit);
      }
      TickrProcess.Result r = TickrProcess.run(b, Duration.ofMinutes(5));
      if (jit != null && jit.equals("fastest")) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("TICKR_JIT must be quick or full, not \"fastest\"");
      } else {
        assertThat(r.exitCode()).as(r.err()).isZero();
      }
    }
    assertThat(Files.readAllLines(mark))
        .filteredOn(line -> !line.contains(" native-library "))
        .as("the JVM options of each run (not the once-per-build unpacking)")
        .hasSize(3)
        .satisfiesExactly(
            unset -> assertThat(unset).contains(" -XX:TieredStopAtLevel=1 "),
            quick -> assertThat(quick).contains(" -XX:TieredStopAtLevel=1 "),
            full -> assertThat(full).doesNotContain("TieredStopAtLevel"));
  }

  @Test
  void loads_sqlite_from_the_copy_it_unpacks_once_per_build(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.exists(Path.of("/proc/self/maps")), "needs /proc to see what a process loaded");
    Path log = dir.resolve("run.log");
    ProcessBuilder b =
        new ProcessBuilder(
                TickrProcess.ROOT.resolve("tickr").toString(),
                "run",
                "--data",
                dir.resolve("data").toString(),
                "--listen",
                "127.0.0.1:0")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    b.environment().put("TICKR_ADMIN_PASSWORD", "launcher-test-password");
    Process p = b.start(); // the launcher execs java: the same process
    try {
      TickrProcess.waitUntil(
          Duration.ofMinutes(3),
          "the dashboard",
          () -> {
            String text = read(log);
            assertThat(p.isAlive()).as(text).isTrue();
            return text.contains("Dashboard:");
          });
      String maps = Files.readString(Path.of("/proc", Long.toString(p.pid()), "maps"));
      Path library = NATIVE.resolve("libsqlitejdbc.so");
      assertThat(library).isRegularFile();
      assertThat(maps)
          .as("SQLite's library is mapped from the launcher's copy, not a fresh one in /tmp")
          .contains(library.toRealPath().toString())
          .doesNotContain("/sqlite-");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A JDK home whose java notes each run in {@code mark} and then is the real one. */
  private static Path fakeJdk(
      Path dir, String name, @org.jspecify.annotations.Nullable String release, Path mark)
      throws java.io.IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "[ \"$1\" = -XshowSettings:properties ] || echo \""
            + name
            + " $*\" >> '"
            + mark
            + "'\nexec '"
            + TickrProcess.JAVA
            + "' \"$@\"\n");
    java.toFile().setExecutable(true);
    if (release != null) {
      Files.writeString(home.resolve("release"), release);
    }
    return home;
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
