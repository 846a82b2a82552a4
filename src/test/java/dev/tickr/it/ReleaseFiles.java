package dev.tickr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The release artefacts that {@code ./mvnw -Prelease package} leaves in {@code target/release}
 * (src/release/build.sh), for the release tests, which run in {@code ./mvnw -Prelease verify}.
 */
final class ReleaseFiles {
  static final Path DIR = TickrProcess.ROOT.resolve("target/release").toAbsolutePath().normalize();
  static final String VERSION = System.getProperty("tickr.version", "");
  static final Duration LIMIT = Duration.ofSeconds(60);

  private ReleaseFiles() {}

  /** The one file in target/release whose name ends with {@code suffix}. */
  static Path one(String suffix) {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
      assertThat(found).as("the release's *%s in %s", suffix, DIR).hasSize(1);
      return found.getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("no release in " + DIR + ": run ./mvnw -Prelease package", e);
    }
  }

  /** Runs a tool to its end; fails unless it exits 0. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    TickrProcess.Result r =
        TickrProcess.run(new ProcessBuilder(command).directory(dir.toFile()), LIMIT);
    assertThat(r.exitCode()).as("%s: %s", String.join(" ", command), r.err()).isZero();
    return r.out();
  }

  /**
   * An environment with no JDK to be found: PATH holds only a directory of links to the few tools
   * the scripts use (no java among them), and neither JAVA_HOME nor TICKR_JAVA_HOME is set.
   */
  static void withoutJdk(ProcessBuilder b, Path scratch) throws IOException {
    Path tools = Files.createDirectories(scratch.resolve("tools"));
    for (String tool : List.of("bash", "sh", "env", "readlink", "dirname", "grep", "cat")) {
      Path link = tools.resolve(tool);
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Path real =
            Files.exists(Path.of("/usr/bin", tool))
                ? Path.of("/usr/bin", tool)
                : Path.of("/bin", tool);
        Files.createSymbolicLink(link, real);
      }
    }
    b.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("JAVA") || k.startsWith("TICKR_") || k.equals("JDK_JAVA_OPTIONS"));
    b.environment().put("PATH", tools.toString());
  }
}
