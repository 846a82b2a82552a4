package dev.tickr.cluster;

import static dev.tickr.incident.Verdict.DEGRADED;
import static dev.tickr.incident.Verdict.FAILED;
import static dev.tickr.incident.Verdict.INCONCLUSIVE;
import static dev.tickr.incident.Verdict.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.cluster.Decision.Standing;
import dev.tickr.incident.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfirmationTest {
  private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");
  private static final List<String> EU_US_AP = List.of("eu", "us", "ap");

  /** "eu=FAILED us=OK@-300 ap=-" : a verdict per location, optionally seconds old; - is none. */
  private static List<LocationResult> results(String spec) {
    List<LocationResult> out = new ArrayList<>();
    for (String part : spec.trim().split(" +")) {
      String[] kv = part.split("=");
      if (kv[1].equals("-")) {
        continue;
      }
      String[] verdictAge = kv[1].split("@");
      long age = verdictAge.length > 1 ? Long.parseLong(verdictAge[1]) : -10;
      out.add(new LocationResult("m", kv[0], Verdict.valueOf(verdictAge[0]), NOW.plusSeconds(age)));
    }
    return out;
  }

  @ParameterizedTest(name = "confirm {0}: {1} broken [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2 | eu=FAILED us=OK ap=OK                 |       | OK
          2 | eu=FAILED us=FAILED ap=OK             |       | FAILED
          2 | eu=FAILED us=DEGRADED ap=OK           |       | DEGRADED
          2 | eu=FAILED us=OK ap=INCONCLUSIVE       |       | INCONCLUSIVE
          3 | eu=FAILED us=FAILED ap=OK             |       | INCONCLUSIVE
          3 | eu=FAILED us=FAILED ap=FAILED         |       | FAILED
          1 | eu=FAILED us=OK ap=OK                 |       | FAILED
          2 | eu=FAILED us=FAILED@-300 ap=OK        |       | INCONCLUSIVE
          2 | eu=FAILED us=FAILED ap=-              |       | FAILED
          2 | eu=FAILED us=- ap=-                   |       | FAILED
          2 | eu=FAILED us=FAILED ap=OK             | eu    | INCONCLUSIVE
          2 | eu=FAILED us=OK ap=OK                 | eu    | OK
          2 | eu=- us=- ap=-                        |       | INCONCLUSIVE
          2 | eu=FAILED@-121 us=FAILED@-200 ap=OK@-999 |    | INCONCLUSIVE
          """)
  void combines_the_latest_result_of_each_location(
      int confirm, String latest, String broken, Verdict expected) {
    Confirmation c = new Confirmation(EU_US_AP, confirm, Duration.ofMinutes(2));
    Set<String> brokenSet = broken == null ? Set.of() : Set.of(broken.trim());

    assertThat(c.decide(results(latest), brokenSet, NOW).verdict()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          eu=FAILED us=OK   | INCONCLUSIVE
          eu=OK us=FAILED   | INCONCLUSIVE
          eu=FAILED us=FAILED | FAILED
          eu=OK us=OK       | OK
          """)
  void two_of_two_go_down_together_and_come_back_together(String latest, Verdict expected) {
    Confirmation c = new Confirmation(List.of("eu", "us"), 2, Duration.ofMinutes(2));

    assertThat(c.decide(results(latest), Set.of(), NOW).verdict()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void records_what_each_location_saw_and_why_it_did_or_did_not_count() {
    Confirmation c = new Confirmation(List.of("eu", "us", "ap", "sa"), 2, Duration.ofMinutes(2));
    List<LocationResult> latest =
        List.of(
            new LocationResult("m", "eu", FAILED, NOW.minusSeconds(10)),
            new LocationResult("m", "eu", OK, NOW.minusSeconds(70)),
            new LocationResult("m", "us", FAILED, NOW.minusSeconds(5)),
            new LocationResult("m", "ap", OK, NOW.minusSeconds(500)));

    Decision d = c.decide(latest, Set.of("us"), NOW);

    assertThat(d.seen())
        .extracting(Decision.Seen::location, Decision.Seen::verdict, Decision.Seen::standing)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eu", FAILED, Standing.COUNTED),
            org.assertj.core.groups.Tuple.tuple("us", FAILED, Standing.BROKEN),
            org.assertj.core.groups.Tuple.tuple("ap", OK, Standing.STALE),
            org.assertj.core.groups.Tuple.tuple("sa", null, Standing.MISSING));
    assertThat(d.verdict()).isEqualTo(FAILED);
    assertThat(d.needed()).isEqualTo(1);
    assertThat(d.agreeing()).containsExactly("eu");
  }

  @org.junit.jupiter.api.Test
  void a_degradation_counts_failures_too() {
    Decision d =
        new Confirmation(EU_US_AP, 2, Duration.ofMinutes(2))
            .decide(results("eu=FAILED us=DEGRADED ap=OK"), Set.of(), NOW);

    assertThat(d.verdict()).isEqualTo(DEGRADED);
    assertThat(d.agreeing()).containsExactly("eu", "us");
  }

  @org.junit.jupiter.api.Test
  void confirm_must_fit_the_locations() {
    assertThatThrownBy(() -> new Confirmation(List.of("eu"), 2, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Confirmation(List.of(), 1, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(INCONCLUSIVE).isNotEqualTo(OK);
  }
}
