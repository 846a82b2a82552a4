package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's entry point (src/release/container/entrypoint.sh), run with bash outside
 * any container: the defaults a container wants (data in /data, listening on 0.0.0.0:8080), the
 * environment winning over them, arguments passed on, and the real daemon started and asked by the
 * image's health check. The image itself is built by users with their own Docker.
 */
class ContainerEntrypointIT {
  private static final Path ENTRYPOINT =
      TickrProcess.ROOT.resolve("src/release/container/entrypoint.sh").toAbsolutePath();
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @TempDir Path dir;

  /** A java that writes the TICKR_ variables it was given and its arguments, one per line. */
  private Path fakeJava() throws Exception {
    Path java = dir.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nenv | grep '^TICKR_' | sort > "
            + dir.resolve("env.txt")
            + "\n"
            + "printf '%s\\n' \"$@\" > "
            + dir.resolve("args.txt")
            + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  private TickrProcess.Result entrypoint(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", ENTRYPOINT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
    b.environment().keySet().removeIf(k -> k.startsWith("TICKR_"));
    b.environment().put("TICKR_JAR", "/opt/tickr/tickr.jar");
    b.environment().putAll(env);
    return TickrProcess.run(b, LIMIT);
  }

  private List<String> args() throws Exception {
    return Files.readAllLines(dir.resolve("args.txt"));
  }

  private List<String> env() throws Exception {
    return Files.readAllLines(dir.resolve("env.txt"));
  }

  @Test
  void runs_the_daemon_on_the_volume_and_every_interface_by_default() throws Exception {
    Map<String, String> java = Map.of("TICKR_JAVA", fakeJava().toString());
    assertThat(entrypoint(java).exitCode()).isZero();
    assertThat(env()).contains("TICKR_DATA=/data", "TICKR_LISTEN=0.0.0.0:8080");
    assertThat(env()).noneMatch(line -> line.startsWith("TICKR_CONFIG="));
    assertThat(args())
        .startsWith("-Xmx512m", "-XX:TieredStopAtLevel=1")
        .endsWith("-jar", "/opt/tickr/tickr.jar", "run");
  }

  @Test
  void the_environment_wins_over_the_defaults_and_flags_go_to_the_daemon() throws Exception {
    Map<String, String> env =
        Map.of(
            "TICKR_JAVA", fakeJava().toString(),
            "TICKR_DATA", "/srv/tickr",
            "TICKR_LISTEN", "[::]:9090",
            "TICKR_CONFIG", "/config/tickr.yml",
            "TICKR_JAVA_OPTS", "-Xmx2g -Dexample=1",
            "TICKR_JIT", "full");
    assertThat(entrypoint(env, "--log-level", "debug").exitCode()).isZero();
    assertThat(env())
        .contains(
            "TICKR_DATA=/srv/tickr", "TICKR_LISTEN=[::]:9090", "TICKR_CONFIG=/config/tickr.yml");
    assertThat(args())
        .doesNotContain("-Xmx512m", "-XX:TieredStopAtLevel=1")
        .containsSubsequence("-Xmx2g", "-Dexample=1")
        .endsWith("-jar", "/opt/tickr/tickr.jar", "run", "--log-level", "debug");
  }

  @Test
  void a_command_is_run_as_it_is_and_healthcheck_asks_readyz_on_the_listening_port()
      throws Exception {
    Map<String, String> java = Map.of("TICKR_JAVA", fakeJava().toString());
    assertThat(entrypoint(java, "check", "https://example.invalid/").exitCode()).isZero();
    assertThat(args())
        .endsWith("-jar", "/opt/tickr/tickr.jar", "check", "https://example.invalid/");

    Map<String, String> listen =
        Map.of("TICKR_JAVA", java.get("TICKR_JAVA"), "TICKR_LISTEN", "0.0.0.0:9191");
    assertThat(entrypoint(listen, "healthcheck").exitCode()).isZero();
    assertThat(args())
        .endsWith(
            "check",
            "--timeout",
            "5s",
            "--expect",
            "[STATUS] == 200",
            "http://127.0.0.1:9191/readyz");
    for (String[] c :
        new String[][] {
          {"[::]:8080", "http://127.0.0.1:8080/readyz"},
          {"127.0.0.2:8181", "http://127.0.0.2:8181/readyz"},
          {"[::1]:8282", "http://[::1]:8282/readyz"}
        }) {
      Map<String, String> at = Map.of("TICKR_JAVA", java.get("TICKR_JAVA"), "TICKR_LISTEN", c[0]);
      assertThat(entrypoint(at, "healthcheck").exitCode()).isZero();
      assertThat(args()).as(c[0]).last().isEqualTo(c[1]);
    }
  }

  @Test
  void refuses_an_unknown_compiler_choice() throws Exception {
    Map<String, String> env = Map.of("TICKR_JAVA", fakeJava().toString(), "TICKR_JIT", "fastest");
    TickrProcess.Result r = entrypoint(env);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("TICKR_JIT must be quick or full, not \"fastest\"");
  }

  @Test
  void starts_the_real_daemon_which_its_health_check_finds_ready_until_it_stops() throws Exception {
    Path config = Files.writeString(dir.resolve("tickr.yml"), "monitors: []\n");
    Path out = dir.resolve("run.out");
    ProcessBuilder b =
        new ProcessBuilder("bash", ENTRYPOINT.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    b.environment().keySet().removeIf(k -> k.startsWith("TICKR_"));
    b.environment().put("TICKR_JAVA", TickrProcess.JAVA);
    b.environment().put("TICKR_JAR", TickrProcess.JAR.toAbsolutePath().toString());
    b.environment().put("TICKR_DATA", dir.resolve("data").toString());
    b.environment().put("TICKR_LISTEN", "127.0.0.1:0");
    b.environment().put("TICKR_CONFIG", config.toString());
    b.environment().put("TICKR_ADMIN_PASSWORD", "entrypoint-test-password");
    Process daemon = children.start(b);
    int port = TickrProcess.port(daemon, out, LIMIT);

    Map<String, String> asked =
        Map.of(
            "TICKR_JAVA",
            TickrProcess.JAVA,
            "TICKR_JAR",
            TickrProcess.JAR.toAbsolutePath().toString(),
            "TICKR_LISTEN",
            "0.0.0.0:" + port);
    TickrProcess.waitUntil(LIMIT, "the health check passing", () -> healthy(asked));

    daemon.destroy();
    assertThat(daemon.waitFor(ChildProcesses.GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(daemon.exitValue()).as(TickrProcess.readOrEmpty(out)).isZero();
    assertThat(dir.resolve("data")).isDirectory();
    assertThat(healthy(asked)).as("the health check once the daemon is gone").isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_image_is_built_with_the_wrapper_and_runs_this_entry_point_as_a_user_on_a_jre()
      throws Exception {
    List<String> docker = Files.readAllLines(TickrProcess.ROOT.resolve("Dockerfile"));
    List<String> from = docker.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(from).hasSize(2);
    assertThat(from.get(0)).contains("-jdk").endsWith(" AS build");
    assertThat(from.get(1)).contains("-jre");
    assertThat(docker)
        .anyMatch(l -> l.startsWith("RUN ./mvnw "))
        .contains(
            "COPY --chmod=0755 src/release/container/entrypoint.sh /usr/local/bin/tickr",
            "USER tickr",
            "VOLUME /data",
            "EXPOSE 8080",
            "ENTRYPOINT [\"tickr\"]")
        .anyMatch(
            l -> l.startsWith("HEALTHCHECK ") && l.endsWith("CMD [\"tickr\", \"healthcheck\"]"))
        .anyMatch(l -> l.contains("-XX:AOTCacheOutput=/opt/tickr/tickr.aot"));

    Map<String, Object> compose =
        asMap(
            new org.snakeyaml.engine.v2.api.Load(
                    org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                .loadFromString(Files.readString(TickrProcess.ROOT.resolve("compose.yaml"))));
    Map<String, Object> service = asMap(asMap(compose.get("services")).get("tickr"));
    assertThat(service.get("build")).isEqualTo(".");
    assertThat((List<Object>) service.get("volumes")).contains("tickr-data:/data");
    assertThat((List<Object>) service.get("ports")).containsExactly("127.0.0.1:8080:8080");
    Path mounted = TickrProcess.ROOT.resolve("src/release/tickr.yml");
    assertThat(mounted).isRegularFile();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(@org.jspecify.annotations.Nullable Object o) {
    if (!(o instanceof Map<?, ?> map)) {
      throw new AssertionError("not a mapping: " + o);
    }
    return (Map<String, Object>) map;
  }

  private boolean healthy(Map<String, String> env) {
    try {
      return entrypoint(env, "healthcheck").exitCode() == 0;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
