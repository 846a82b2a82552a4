package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tickr} launcher: it picks a JDK ≥ 21 by itself, whatever the default java is; gives
 * the JVM a 512 MiB heap unless told otherwise; runs the quick compiler only; keeps a start-up
 * cache on JDK 25 and newer, made once per build; and loads SQLite from the copy it unpacks once.
 *
 * <p>Fake JDK homes stand in for JDKs this machine may not have (an old one, a JDK 21): a {@code
 * release} file with the version the launcher reads, and a {@code bin/java} script that notes each
 * run with its arguments and then is (or refuses to be) a real java.
 */
class LauncherIT {
  /** Where the launcher unpacks SQLite's native library, next to the jar. */
  private static final Path NATIVE =
      TickrProcess.ROOT.resolve("target/tickr.native").toAbsolutePath().normalize();

  /** Its start-up cache, next to the jar. */
  private static final Path AOT =
      TickrProcess.ROOT.resolve("target/tickr.aot").toAbsolutePath().normalize();

  private static final String DEFAULT_HEAP = "-Xmx512m";

  /** Processes the tests start end with them, also when an assertion fails. */
  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @Test
  void runs_with_a_modern_jdk_even_when_java_home_and_path_point_at_an_older_one(@TempDir Path dir)
      throws Exception {
    Path mark = dir.resolve("ran.txt");
    List<Path> older = new ArrayList<>(Jdks.onThisMachine(major -> major < 21));
    older.add(oldJdk(dir, "old-with-release", true, mark));
    older.add(oldJdk(dir, "old-without-release", false, mark));
    for (Path jdk : older) {
      ProcessBuilder b = launcher("--version");
      b.environment().put("JAVA_HOME", jdk.toString());
      b.environment().put("PATH", jdk.resolve("bin") + ":/usr/bin:/bin");
      b.environment().remove("TICKR_JAVA_HOME");
      b.environment().put("TICKR_AOT", "0");
      TickrProcess.Result r = TickrProcess.run(b, Duration.ofMinutes(5));
      assertThat(r.exitCode()).as("with JAVA_HOME=%s: %s", jdk, r.err()).isZero();
      assertThat(r.out()).startsWith("tickr ");
    }
    assertThat(mark).as("an old JDK's java ran").doesNotExist();
  }

  @Test
  void takes_the_jdk_it_is_told_to_when_it_is_new_enough_reading_its_version_either_way(
      @TempDir Path dir) throws Exception {
    Path mark = dir.resolve("ran.txt");
    Path with21 = fakeJdk(dir, "with-release-21", "JAVA_VERSION=\"21.0.5\"\n", mark, ownJdk());
    Path without =
        fakeJdk(dir, "without-release", null, mark, ownJdk()); // asks the real java (>= 21)
    Path with17 =
        fakeJdk(
            dir, "with-release-17", "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.2\"\n", mark, ownJdk());

    for (Path jdk : List.of(with21, without, with17)) {
      ProcessBuilder b = launcher("--version");
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
    Path jdk = fakeJdk(dir, "jdk", "JAVA_VERSION=\"21.0.5\"\n", mark, ownJdk());
    for (String jit : new String[] {null, "quick", "full", "fastest"}) {
      ProcessBuilder b = launcher("--version");
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
  void gives_the_jvm_a_512_mib_heap_unless_tickr_java_opts_sets_one(@TempDir Path dir)
      throws Exception {
    Path mark = dir.resolve("ran.txt");
    Path jdk = fakeJdk(dir, "jdk", "JAVA_VERSION=\"21.0.5\"\n", mark, ownJdk());
    // TICKR_JAVA_OPTS → whether the launcher adds its own heap bound
    Map<String, Boolean> cases = new LinkedHashMap<>();
    cases.put("", true);
    cases.put("-Dtickr.example=1", true);
    cases.put("-Xmx2g", false);
    cases.put("-Dtickr.example=1 -Xmx64m", false);
    cases.put("-XX:MaxHeapSize=1g", false);
    cases.put("-XX:MaxRAMPercentage=10", false);
    for (Map.Entry<String, Boolean> c : cases.entrySet()) {
      Files.deleteIfExists(mark);
      ProcessBuilder b = launcher("--version");
      b.environment().put("TICKR_JAVA_HOME", jdk.toString());
      b.environment().put("TICKR_AOT", "0");
      b.environment().put("TICKR_JAVA_OPTS", c.getKey());
      TickrProcess.Result r = TickrProcess.run(b, Duration.ofMinutes(5));
      assertThat(r.exitCode()).as(r.err()).isZero();
      String run = versionRun(mark);
      if (c.getValue()) {
        assertThat(run).as("TICKR_JAVA_OPTS=%s", c.getKey()).contains(" " + DEFAULT_HEAP + " ");
      } else {
        assertThat(run)
            .as("TICKR_JAVA_OPTS=%s", c.getKey())
            .doesNotContain(DEFAULT_HEAP)
            .contains(" " + c.getKey() + " ");
      }
    }
  }

  @Test
  void makes_its_start_up_cache_once_per_build_on_jdk_25_unless_tickr_aot_is_0(@TempDir Path dir)
      throws Exception {
    Path real = jdk25();
    Path mark = dir.resolve("ran.txt");
    Path jdk21 = fakeJdk(dir, "jdk21", "JAVA_VERSION=\"21.0.5\"\n", mark, real);
    Path jdk25 = fakeJdk(dir, "jdk25", "JAVA_VERSION=\"25.0.1\"\n", mark, real);
    // A copy of the jar (TICKR_JAR, run as it is): its cache is made next to it, not in target/.
    Path build = Files.createDirectories(dir.resolve("build"));
    Path jar = Files.copy(TickrProcess.JAR, build.resolve("tickr.jar"));
    Path cache = build.resolve("tickr.aot");

    Launch before25 = launch(mark, jdk21, jar, null, null);
    assertThat(before25.trainings()).as("a JDK 21 has no start-up cache").isZero();
    assertThat(before25.run()).doesNotContain("AOTCache");
    assertThat(cache).doesNotExist();

    Launch off = launch(mark, jdk25, jar, "0", null);
    assertThat(off.trainings()).isZero();
    assertThat(off.run()).doesNotContain("AOTCache");
    assertThat(cache).as("TICKR_AOT=0").doesNotExist();

    Launch first = launch(mark, jdk25, jar, null, null);
    assertThat(first.trainings()).as("the first start trains the cache").isEqualTo(1);
    assertThat(first.err()).contains("tickr: preparing the start-up cache (once per build) ...");
    assertThat(cache).isRegularFile();
    assertThat(first.run()).contains(" -XX:AOTCache=" + cache + " ");
    FileTime made = Files.getLastModifiedTime(cache);

    // AOTMode=on: the JVM refuses to start unless it can use the cache.
    Launch second = launch(mark, jdk25, jar, null, "-XX:AOTMode=on");
    assertThat(second.trainings()).as("the second start of the same build").isZero();
    assertThat(second.err()).doesNotContain("preparing the start-up cache");
    assertThat(second.run()).contains(" -XX:AOTCache=" + cache + " ");
    assertThat(Files.getLastModifiedTime(cache)).isEqualTo(made);

    Files.setLastModifiedTime(jar, FileTime.fromMillis(made.toMillis() + 5_000));
    Launch rebuilt = launch(mark, jdk25, jar, null, null);
    assertThat(rebuilt.trainings()).as("a new build (a newer jar) trains again").isEqualTo(1);
    assertThat(Files.getLastModifiedTime(cache)).isGreaterThan(made);
    assertThat(rebuilt.run()).contains(" -XX:AOTCache=" + cache + " ");

    Launch offAgain = launch(mark, jdk25, jar, "0", null);
    assertThat(offAgain.trainings()).isZero();
    assertThat(offAgain.run()).as("TICKR_AOT=0 with a cache there").doesNotContain("AOTCache");
  }

  /** One start of the launcher with a fake JDK: what it printed, and what the JDK was asked. */
  private record Launch(String err, long trainings, String run) {}

  /** {@code tickr --version} with {@code jdk}, {@code jar} as TICKR_JAR and the given settings. */
  private static Launch launch(
      Path mark, Path jdk, Path jar, @Nullable String aot, @Nullable String javaOpts)
      throws Exception {
    Files.deleteIfExists(mark);
    ProcessBuilder b = launcher("--version");
    b.environment().put("TICKR_JAVA_HOME", jdk.toString());
    b.environment().put("TICKR_JAR", jar.toString());
    b.environment().remove("TICKR_AOT");
    b.environment().remove("TICKR_JAVA_OPTS");
    if (aot != null) {
      b.environment().put("TICKR_AOT", aot);
    }
    if (javaOpts != null) {
      b.environment().put("TICKR_JAVA_OPTS", javaOpts);
    }
    TickrProcess.Result r = TickrProcess.run(b, Duration.ofMinutes(5));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).as("stdout stays clean").startsWith("tickr ").doesNotContain("AOT");
    long trainings =
        Files.readAllLines(mark).stream().filter(l -> l.contains(" -XX:AOTCacheOutput=")).count();
    return new Launch(r.err(), trainings, versionRun(mark));
  }

  /**
   * A daemon started by the launcher, looked at from outside: the JVM's options and heap (from
   * {@code /proc} and {@code jcmd}), the libraries it mapped, and its start-up cache.
   */
  @Test
  void a_daemon_it_starts_has_a_512_mib_heap_its_sqlite_copy_and_its_start_up_cache(
      @TempDir Path dir) throws Exception {
    RequiredTool.require(
        Files.exists(Path.of("/proc/self/maps")),
        "/proc",
        "/proc/self/maps not found",
        "a Linux /proc shows what a process runs and loaded");
    Path log = dir.resolve("run.log");
    ProcessBuilder b =
        launcher("run", "--data", dir.resolve("data").toString(), "--listen", "127.0.0.1:0")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    b.environment().put("TICKR_ADMIN_PASSWORD", "launcher-test-password");
    b.environment().remove("TICKR_JAVA_OPTS");
    b.environment().remove("TICKR_AOT");
    b.environment().remove("TICKR_JAVA_HOME");
    Process p = children.start(b); // the launcher execs java: the same process
    TickrProcess.port(p, log, Duration.ofMinutes(3));
    Path proc = Path.of("/proc", Long.toString(p.pid()));

    List<String> options = cmdline(proc);
    assertThat(options).as("the JVM's command line").contains(DEFAULT_HEAP);
    Path javaHome = javaHome(proc.resolve("exe").toRealPath());
    TickrProcess.Result flags =
        TickrProcess.run(
            new ProcessBuilder(
                javaHome.resolve("bin/jcmd").toString(), Long.toString(p.pid()), "VM.flags"),
            Duration.ofSeconds(60));
    assertThat(flags.exitCode()).as(flags.out() + flags.err()).isZero();
    assertThat(flags.out()).as("the running JVM's flags").contains("-XX:MaxHeapSize=536870912 ");

    String maps = Files.readString(proc.resolve("maps"));
    Path library = NATIVE.resolve("libsqlitejdbc.so");
    assertThat(library).isRegularFile();
    assertThat(maps)
        .as("SQLite's library is mapped from the launcher's copy, not a fresh one in /tmp")
        .contains(library.toRealPath().toString())
        .doesNotContain("/sqlite-");

    int major = Jdks.major(javaHome).orElseThrow();
    if (major >= 25) {
      assertThat(AOT).as("the start-up cache on JDK %d", major).isRegularFile();
      assertThat(options).contains("-XX:AOTCache=" + AOT);
    } else {
      assertThat(options)
          .as("no start-up cache on JDK %d", major)
          .noneMatch(o -> o.contains("AOT"));
    }

    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
    assertThat(p.exitValue()).as(TickrProcess.readOrEmpty(log)).isZero();
  }

  /** The arguments of the process whose {@code /proc} directory this is. */
  private static List<String> cmdline(Path proc) throws java.io.IOException {
    String raw = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
    return List.of(raw.split("\0"));
  }

  /** The home of the JDK whose {@code bin/java} this is. */
  private static Path javaHome(Path java) {
    return java.resolveSibling("..").normalize();
  }

  /** The launcher, {@code ./tickr} at the repository's root, with these arguments. */
  private static ProcessBuilder launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(TickrProcess.ROOT.resolve("tickr").toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /** The run of {@code tickr --version} the fake JDK noted (not the launcher's other uses). */
  private static String versionRun(Path mark) throws java.io.IOException {
    List<String> runs =
        Files.readAllLines(mark).stream().filter(l -> l.endsWith(" --version")).toList();
    assertThat(runs).as("runs of tickr --version").hasSize(1);
    return runs.get(0);
  }

  /** The JDK running the tests. */
  private static Path ownJdk() {
    return Path.of(System.getProperty("java.home"));
  }

  /** A real JDK 25 or newer (the one running the tests, or another one found like the launcher). */
  private static Path jdk25() {
    if (Runtime.version().feature() >= 25) {
      return ownJdk();
    }
    List<Path> found = Jdks.onThisMachine(major -> major >= 25);
    RequiredTool.require(
        !found.isEmpty(),
        "A JDK 25 or newer",
        "the start-up cache needs one; none where the launcher looks",
        "install one, e.g. Debian's openjdk-25-jdk or Temurin 25");
    return found.get(0);
  }

  /**
   * An old JDK home (17), as the launcher sees it: with a {@code release} file that says so, or
   * without one and a java that says so when asked for its properties. Any other use of its java is
   * noted in {@code mark} and fails, as a real JDK 17 fails to run Tickr.
   */
  private static Path oldJdk(Path dir, String name, boolean release, Path mark)
      throws java.io.IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(
        java,
        """
        #!/bin/sh
        if [ "$1" = -XshowSettings:properties ]; then
          echo '    java.specification.version = 17' >&2
          exit 0
        fi
        echo "%s $*" >> '%s'
        echo 'Error: this JDK 17 cannot run Tickr' >&2
        exit 1
        """
            .formatted(name, mark));
    assertThat(java.toFile().setExecutable(true)).isTrue();
    if (release) {
      Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    }
    return home;
  }

  /** A JDK home whose java notes each run in {@code mark} and then is {@code real}'s java. */
  private static Path fakeJdk(Path dir, String name, @Nullable String release, Path mark, Path real)
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
            + real.resolve("bin/java")
            + "' \"$@\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
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
