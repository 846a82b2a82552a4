package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.TestHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release as its user gets it: the checksums and the SBOM beside the artefacts, and the runtime
 * image (the .tar.gz) unpacked where its builder never was and run on a machine with no JDK to be
 * found: {@code tickr --version}, {@code tickr validate} of the packaged config, {@code tickr
 * check} against a loopback server, {@code tickr run} until {@code /readyz} answers 200, then
 * stopped as a service manager stops it.
 */
class ReleaseImageIT {
  @RegisterExtension final ChildProcesses children = new ChildProcesses();

  @TempDir Path scratch;

  @Test
  void sha256sums_lists_every_artefact_with_its_sum() throws Exception {
    List<String> lines = Files.readAllLines(ReleaseFiles.DIR.resolve("SHA256SUMS"));
    List<String> named = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(" {2}", 2);
      Path file = ReleaseFiles.DIR.resolve(f[1]);
      byte[] sum = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      assertThat(HexFormat.of().formatHex(sum)).as(f[1]).isEqualTo(f[0]);
      named.add(f[1]);
    }
    String v = ReleaseFiles.VERSION;
    assertThat(named)
        .contains(
            "tickr-" + v + ".jar",
            "tickr-" + v + "-linux-x64.tar.gz",
            "tickr_" + v.replace('-', '~') + "-1_amd64.deb",
            "tickr-" + v + ".cdx.json")
        .anyMatch(n -> n.startsWith("tickr-" + v + "-jdk-") && n.endsWith(".aot"));
  }

  @Test
  void the_sbom_names_tickr_and_the_libraries_in_its_jar_with_their_versions() throws Exception {
    JsonNode bom = new ObjectMapper().readTree(ReleaseFiles.one(".cdx.json").toFile());
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("tickr");
    assertThat(bom.path("metadata").path("component").path("version").asText())
        .isEqualTo(ReleaseFiles.VERSION);
    List<String> purls = new ArrayList<>();
    bom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls)
        .anyMatch(p -> p.startsWith("pkg:maven/io.javalin/javalin@"))
        .anyMatch(p -> p.startsWith("pkg:maven/org.xerial/sqlite-jdbc@"))
        .noneMatch(p -> p.contains("/junit-jupiter@") || p.contains("/assertj-core@"));
  }

  @Test
  void the_runtime_image_checks_and_runs_with_no_jdk_on_the_machine() throws Exception {
    ReleaseFiles.run(
        scratch,
        "tar",
        "-xzf",
        ReleaseFiles.one("-linux-x64.tar.gz").toString(),
        "-C",
        scratch.toString());
    Path home = scratch.resolve("tickr-" + ReleaseFiles.VERSION);
    String tickr = home.resolve("bin/tickr").toString();
    Path work = Files.createDirectories(scratch.resolve("work"));

    ProcessBuilder noJava = new ProcessBuilder("bash", "-c", "command -v java");
    ReleaseFiles.withoutJdk(noJava, scratch);
    assertThat(TickrProcess.run(noJava, ReleaseFiles.LIMIT).exitCode())
        .as("java on PATH")
        .isNotZero();

    ProcessBuilder version = new ProcessBuilder(tickr, "--version").directory(work.toFile());
    ReleaseFiles.withoutJdk(version, scratch);
    TickrProcess.Result v = TickrProcess.run(version, ReleaseFiles.LIMIT);
    assertThat(v.exitCode()).as(v.err()).isZero();
    assertThat(v.out()).startsWith("tickr " + ReleaseFiles.VERSION);
    assertThat(v.err()).as("nothing said about the start-up cache").isEmpty();

    // The config the Debian package installs as /etc/tickr/tickr.yml is valid as it comes.
    ProcessBuilder validate =
        new ProcessBuilder(tickr, "validate", "-c", home.resolve("tickr.yml.example").toString())
            .directory(work.toFile());
    ReleaseFiles.withoutJdk(validate, scratch);
    TickrProcess.Result valid = TickrProcess.run(validate, ReleaseFiles.LIMIT);
    assertThat(valid.exitCode()).as(valid.out() + valid.err()).isZero();

    try (TestHttpServer api = TestHttpServer.plain().json("/health", 200, "{\"ok\":true}")) {
      ProcessBuilder check =
          new ProcessBuilder(
                  tickr, "check", api.url("/health").toString(), "--expect", "[BODY].ok == true")
              .directory(work.toFile());
      ReleaseFiles.withoutJdk(check, scratch);
      TickrProcess.Result c = TickrProcess.run(check, ReleaseFiles.LIMIT);
      assertThat(c.exitCode()).as(c.out() + c.err()).isZero();
      assertThat(c.out()).contains("200");

      Path config =
          Files.writeString(
              work.resolve("tickr.yml"),
              "monitors:\n  - name: api\n    url: " + api.url("/health") + "\n    interval: 1s\n");
      Path out = work.resolve("run.out");
      ProcessBuilder run =
          new ProcessBuilder(tickr, "run")
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      ReleaseFiles.withoutJdk(run, scratch);
      // As a package or a container sets it: the environment, no flags.
      run.environment().put("TICKR_CONFIG", config.toString());
      run.environment().put("TICKR_DATA", work.resolve("data").toString());
      run.environment().put("TICKR_LISTEN", "127.0.0.1:0");
      run.environment().put("TICKR_ADMIN_PASSWORD", "release-test-password");
      Process daemon = children.start(run);
      int port = TickrProcess.port(daemon, out, ReleaseFiles.LIMIT);
      HttpClient client = HttpClient.newHttpClient();
      URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
      TickrProcess.waitUntil(
          ReleaseFiles.LIMIT,
          "/readyz answering 200",
          () -> {
            try {
              return client
                      .send(
                          HttpRequest.newBuilder(readyz).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .statusCode()
                  == 200;
            } catch (java.io.IOException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
      api.awaitRequests(1, ReleaseFiles.LIMIT);
      daemon.destroy(); // SIGTERM, as systemd and docker stop it
      assertThat(daemon.waitFor(ChildProcesses.GRACE.toSeconds(), TimeUnit.SECONDS))
          .as("stopped")
          .isTrue();
      assertThat(daemon.exitValue()).as(TickrProcess.readOrEmpty(out)).isZero();
      assertThat(work.resolve("data")).isDirectory();
    }
  }
}
