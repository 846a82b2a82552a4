package dev.tickr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What {@code tickr --version} says: the version from the pom and the commit the build was made
 * from, read from {@code tickr-build.properties}, which the build fills in. A value the build did
 * not know (no git, a build outside Maven) is left out rather than printed as a placeholder.
 *
 * @param version the pom's version, or {@code dev} when unknown
 * @param commit the abbreviated commit id, or null
 * @param modified whether the working tree had changes that were not committed
 */
record BuildInfo(String version, @Nullable String commit, boolean modified) {
  static final String RESOURCE = "/tickr-build.properties";

  /** The build that made the running classes. */
  static BuildInfo current() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return of(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the filled-in properties; unfilled ones ({@code ${...}}) count as unknown. */
  static BuildInfo of(Properties p) {
    String version = known(p.getProperty("version"));
    return new BuildInfo(
        version == null ? "dev" : version,
        known(p.getProperty("commit")),
        "true".equals(known(p.getProperty("dirty"))));
  }

  /** {@code 0.1.0 (commit 1a2b3c4)}, {@code 0.1.0 (commit 1a2b3c4, modified)} or {@code 0.1.0}. */
  String describe() {
    if (commit == null) {
      return version;
    }
    return version + " (commit " + commit + (modified ? ", modified" : "") + ")";
  }

  private static @Nullable String known(@Nullable String value) {
    if (value == null || value.isBlank() || value.contains("${")) {
      return null;
    }
    return value.strip();
  }
}
