package dev.tickr.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Body;
import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Timings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What judging one check costs: a typical condition set against a deterministic ~100 KB JSON
 * report. Run with {@code bench/conditions.sh}.
 *
 * <ul>
 *   <li>{@link #judge}: the per-check cost. A fresh observation each time, as every check brings a
 *       new body: decode, parse the JSON once, evaluate all conditions.
 *   <li>{@link #jsonParseOnly}: Jackson's share of that, the same body parsed the same way.
 *   <li>{@link #judgeWithoutJson}: evaluating conditions that never parse the body (status, time,
 *       header, a glob over the 100 KB text), i.e. condition evaluation without the parse.
 *   <li>{@link #parseConditions}: parsing the condition texts, paid once when a config loads.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConditionBench {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  static final List<String> CONDITIONS =
      List.of(
          "[STATUS] == 200",
          "[RESPONSE_TIME] < 1s",
          "[HEADER].Content-Type == pat(application/json*)",
          "[BODY].response.status != -1",
          "[BODY].response.data.rows[0].offer.name == pat(Offer *)",
          "[BODY].response.data.rows[-1].stats.clicks >= 0",
          "[BODY].response.data.rows[42].tags[1] == any(cpa, cps, cpl)",
          "[BODY].response.data.page == 1",
          "len([BODY].response.data.rows) > 100",
          "has([BODY].response.errors[0]) == false",
          "[BODY] != pat(*Error Code*)",
          "age([BODY].response.data.updated_at) < 2h");

  static final List<String> WITHOUT_JSON =
      List.of(
          "[STATUS] == 200",
          "[RESPONSE_TIME] < 1s",
          "[HEADER].Content-Type == pat(application/json*)",
          "[BODY] != pat(*Error Code*)");

  private static final ObjectMapper JACKSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final byte[] report = report(100_000);
  private final String reportText = new String(report, StandardCharsets.UTF_8);
  private final Judge judge = new Judge(Clock.fixed(NOW, ZoneOffset.UTC));
  private final List<Condition> conditions = parseAll(CONDITIONS);
  private final List<Condition> withoutJson = parseAll(WITHOUT_JSON);
  private final Observation reused = observation(report);

  @Benchmark
  public CheckResult judge() {
    CheckResult result = judge.judge(observation(report), conditions);
    if (!result.success()) {
      throw new IllegalStateException("the benchmark's conditions must hold: " + result);
    }
    return result;
  }

  @Benchmark
  public JsonNode jsonParseOnly() throws IOException {
    return JACKSON.readTree(reportText);
  }

  @Benchmark
  public CheckResult judgeWithoutJson() {
    return judge.judge(reused, withoutJson);
  }

  @Benchmark
  public List<Condition> parseConditions() {
    return parseAll(CONDITIONS);
  }

  static List<Condition> parseAll(List<String> texts) {
    List<Condition> parsed = new ArrayList<>(texts.size());
    for (String text : texts) {
      try {
        parsed.add(ConditionParser.parse(text));
      } catch (ConditionSyntaxException e) {
        throw new IllegalStateException(e.getMessage() + "\n" + e.pointer(), e);
      }
    }
    return parsed;
  }

  static Observation observation(byte[] body) {
    return new Observation(
        URI.create("https://api.example.test/Affiliate_Report/getConversions.json"),
        true,
        200,
        "OK",
        "HTTP/1.1",
        new Headers(List.of(Header.plain("Content-Type", "application/json; charset=utf-8"))),
        new Body(body, false, "application/json", StandardCharsets.UTF_8),
        Timings.totalOnly(Duration.ofMillis(180)),
        null,
        InetAddress.getLoopbackAddress(),
        List.of(),
        null);
  }

  /** A TUNE-like conversions report of at least {@code size} bytes; the same every run. */
  static byte[] report(int size) {
    StringBuilder out = new StringBuilder(size + 512);
    out.append("{\"response\":{\"status\":1,\"httpStatus\":200,\"data\":{\"page\":1,")
        .append("\"updated_at\":\"2026-11-24T11:45:00Z\",\"rows\":[");
    String[] tags = {"cpa", "cps", "cpl", "cpi"};
    long seed = 42;
    for (int i = 0; out.length() < size; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      long clicks = (seed >>> 33) % 10_000;
      if (i > 0) {
        out.append(',');
      }
      out.append(
          String.format(
              Locale.ROOT,
              "{\"id\":%d,\"offer\":{\"id\":%d,\"name\":\"Offer %d\"},\"affiliate_id\":%d,"
                  + "\"stats\":{\"clicks\":%d,\"conversions\":%d,\"payout\":%d.%02d},"
                  + "\"tags\":[\"%s\",\"%s\"],\"datetime\":\"2026-11-24 %02d:%02d:00\"}",
              1_000_000 + i,
              100 + i % 37,
              100 + i % 37,
              2_000 + i % 211,
              clicks,
              clicks / 50,
              clicks / 10,
              clicks % 100,
              tags[i % 4],
              tags[(i + 1) % 3],
              i % 12,
              i % 60));
    }
    out.append("],\"count\":0},\"errors\":[]}}");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
