package dev.tickr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's gate against skipped tests, on reports written as surefire and failsafe write them.
 */
class SkippedTestsTest {
  @TempDir Path dir;

  private static final Instant BUILD_START = Instant.parse("2026-12-07T10:00:00Z");

  private void report(Path reports, String name, Instant written, String cases) throws Exception {
    Files.createDirectories(reports);
    Path file =
        Files.writeString(
            reports.resolve("TEST-" + name + ".xml"),
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="%s" tests="3" skipped="1" failures="0" errors="0">
              <properties><property name="CI" value="true"/></properties>
            %s
            </testsuite>
            """
                .formatted(name, cases));
    Files.setLastModifiedTime(file, FileTime.from(written));
  }

  @Test
  void lists_the_skipped_tests_of_this_builds_reports_in_both_directories() throws Exception {
    Path unit = dir.resolve("surefire-reports");
    Path it = dir.resolve("failsafe-reports");
    Instant during = BUILD_START.plusSeconds(30);
    report(
        unit,
        "dev.tickr.AlphaTest",
        during,
        """
          <testcase name="runs" classname="dev.tickr.AlphaTest" time="0.1"/>
          <testcase name="needs_a_tool" classname="dev.tickr.AlphaTest" time="0">
            <skipped message="Prometheus is missing (/usr/bin/prometheus not found): apt-get install prometheus; skipped"/>
          </testcase>
          <testcase name="fails" classname="dev.tickr.AlphaTest" time="0.1">
            <failure message="expected 1">stack</failure>
          </testcase>
        """);
    report(
        it,
        "dev.tickr.it.BetaIT",
        during,
        """
          <testcase name="disabled" classname="dev.tickr.it.BetaIT" time="0"><skipped/></testcase>
          <testcase name="aborted" classname="dev.tickr.it.BetaIT" time="0">
            <skipped type="org.opentest4j.TestAbortedException"><![CDATA[org.opentest4j.TestAbortedException: no /proc
        	at org.junit.jupiter.api.Assumptions.abort(Assumptions.java:316)
        ]]></skipped>
          </testcase>
        """);
    report(
        unit,
        "dev.tickr.OldTest",
        BUILD_START.minusSeconds(3600),
        """
          <testcase name="from_an_earlier_build" classname="dev.tickr.OldTest" time="0">
            <skipped message="left over"/>
          </testcase>
        """);
    Files.writeString(unit.resolve("dev.tickr.AlphaTest.txt"), "not a report");

    List<SkippedTests.Skipped> skipped =
        SkippedTests.find(BUILD_START, List.of(unit, it, dir.resolve("absent")));

    assertThat(skipped)
        .extracting(SkippedTests.Skipped::toString)
        .containsExactly(
            "dev.tickr.AlphaTest.needs_a_tool: Prometheus is missing (/usr/bin/prometheus not"
                + " found): apt-get install prometheus; skipped",
            "dev.tickr.it.BetaIT.disabled",
            "dev.tickr.it.BetaIT.aborted: no /proc");
  }

  @Test
  void fails_on_ci_naming_each_skipped_test_and_only_warns_elsewhere() {
    List<SkippedTests.Skipped> skipped =
        List.of(new SkippedTests.Skipped("dev.tickr.AlphaTest", "needs_a_tool", "no tool"));

    Printed ci = judge(skipped, true);
    assertThat(ci.status()).isEqualTo(1);
    assertThat(ci.err())
        .contains("[ERROR] 1 test was skipped on CI (CI=true), where every test must run:")
        .contains("[ERROR]   dev.tickr.AlphaTest.needs_a_tool: no tool");
    assertThat(ci.out()).isEmpty();

    Printed local = judge(skipped, false);
    assertThat(local.status()).isZero();
    assertThat(local.out())
        .contains("[WARNING] 1 test was skipped (with CI=true this build would fail):")
        .contains("[WARNING]   dev.tickr.AlphaTest.needs_a_tool: no tool");
    assertThat(local.err()).isEmpty();

    Printed none = judge(List.of(), true);
    assertThat(none.status()).isZero();
    assertThat(none.out()).contains("No test was skipped.");
  }

  @Test
  void a_build_start_that_is_not_an_instant_reads_every_report() {
    assertThat(SkippedTests.since("2026-12-07T10:00:00Z")).isEqualTo(BUILD_START);
    assertThat(SkippedTests.since("${maven.build.timestamp}")).isEqualTo(Instant.EPOCH);
  }

  private record Printed(int status, String out, String err) {}

  private static Printed judge(List<SkippedTests.Skipped> skipped, boolean onCi) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        SkippedTests.judge(
            skipped,
            onCi,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Printed(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
