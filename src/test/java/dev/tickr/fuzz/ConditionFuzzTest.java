package dev.tickr.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionResult;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Body;
import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Timings;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Conditions on any text, judged on any JSON body (so JSON paths, {@code pat()} globs, durations
 * and the other literals too): parsing fails only with a {@link ConditionSyntaxException}, judging
 * never throws, and the secret header's value is never shown.
 *
 * <p>An input is the condition on its first line and the response body after it.
 */
@Isolated // while it runs, Jazzer's bug detectors hook every thread: no other test may run
class ConditionFuzzTest {
  private static final Judge JUDGE =
      new Judge(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

  @FuzzTest(maxDuration = "5m")
  void parseAndJudge(byte[] input) {
    String text = Fuzz.text(input);
    int newline = text.indexOf('\n');
    String conditionText = newline < 0 ? text : text.substring(0, newline);
    String body = newline < 0 ? "" : text.substring(newline + 1);
    Condition condition;
    try {
      condition = ConditionParser.parse(conditionText);
    } catch (ConditionSyntaxException e) {
      assertThat(e.column()).isBetween(0, conditionText.length() + 1);
      Fuzz.assertNoSecret(text, e.getMessage());
      return;
    }
    CheckResult result = JUDGE.judge(observation(body), List.of(condition));
    Fuzz.assertNoSecret(text, result.error());
    for (ConditionResult r : result.conditions()) {
      Fuzz.assertNoSecret(text, r.actual());
      Fuzz.assertNoSecret(text, r.condition());
    }
  }

  private static Observation observation(String body) {
    return new Observation(
        URI.create("https://api.example.test/v1/status"),
        true,
        200,
        "",
        "HTTP/1.1",
        new Headers(
            List.of(
                Header.plain("Content-Type", "application/json"),
                Header.plain("X-Request-Id", "abc-123"),
                Header.secret("X-Api-Key", Fuzz.SECRET))),
        new Body(body.getBytes(StandardCharsets.UTF_8), false, null, StandardCharsets.UTF_8),
        Timings.totalOnly(Duration.ofMillis(123)),
        null,
        InetAddress.getLoopbackAddress(),
        List.of(),
        null);
  }
}
