package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildInfoTest {
  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.0          | 1a2b3c4                   | false           | 1.2.0 (commit 1a2b3c4)",
        "1.2.0          | 1a2b3c4                   | true            | 1.2.0 (commit 1a2b3c4, modified)",
        // Built outside git: the placeholders stay unfilled and are left out.
        "1.2.0          | ${git.commit.id.abbrev}   | ${git.dirty}    | 1.2.0",
        "1.2.0          | ''                        | ''              | 1.2.0",
        "${project.version} | ${git.commit.id.abbrev} | ${git.dirty}  | dev",
      })
  void says_the_version_and_the_commit_when_the_build_knew_it(
      String version, String commit, String dirty, String expected) {
    Properties p = new Properties();
    p.setProperty("version", version);
    p.setProperty("commit", commit);
    p.setProperty("dirty", dirty);
    assertThat(BuildInfo.of(p).describe()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void version_prints_what_this_build_filled_in() {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new dev.tickr.Tickr(
                java.util.Map.of(), java.time.Clock.systemUTC(), dev.tickr.time.Ticker.system()),
            dev.tickr.time.Ticker.system(),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            "--version");
    assertThat(code).isZero();
    BuildInfo built = BuildInfo.current();
    assertThat(built.version()).isNotEqualTo("dev").doesNotContain("${");
    assertThat(out.toString().strip()).isEqualTo("tickr " + built.describe());
  }
}
