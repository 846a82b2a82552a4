package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Body;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Timings;
import dev.tickr.incident.Verdict;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A condition's {@code actual} is cut for a person to read (after 100 characters, with {@code …});
 * a secret the target echoed across that cut must not show its start in the failure's detail, which
 * goes to incidents, alerts and the API.
 */
class CutActualLeakTest {
  private static final String SECRET = "sk_live_4f9a7c21e0b35d86aa10";
  private static final Judge JUDGE =
      new Judge(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest(name = "secret at {0}")
  @ValueSource(ints = {70, 80, 90, 95, 98, 99, 100})
  void a_secret_cut_in_an_actual_shows_no_part_of_itself(int at) throws ConditionSyntaxException {
    String body = "e".repeat(at) + SECRET + " was rejected";
    CheckResult result =
        JUDGE.judge(
            observation("{\"error\":\"" + body + "\"}"),
            List.of(ConditionParser.parse("[BODY].error == ok")));

    var outcome = Judgement.outcome(Instant.EPOCH, result, Verdict.FAILED, Set.of(SECRET));

    assertThat(result.error()).as("the unmasked detail is cut inside the secret").isNotNull();
    assertThat(outcome.detail()).isNotNull().contains("condition failed");
    for (int n = 4; n <= SECRET.length(); n++) {
      assertThat(outcome.detail()).doesNotContain(SECRET.substring(0, n));
    }
  }

  private static Observation observation(String json) {
    return new Observation(
        URI.create("https://api.example.test/v1/conversions"),
        true,
        400,
        "",
        "HTTP/1.1",
        Headers.NONE,
        new Body(json.getBytes(StandardCharsets.UTF_8), false, null, StandardCharsets.UTF_8),
        Timings.totalOnly(Duration.ofMillis(20)),
        null,
        InetAddress.getLoopbackAddress(),
        List.of(),
        null);
  }
}
