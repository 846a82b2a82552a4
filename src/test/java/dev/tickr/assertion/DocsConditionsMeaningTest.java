package dev.tickr.assertion;

import static dev.tickr.assertion.Responses.evaluate;
import static dev.tickr.assertion.Responses.json;
import static dev.tickr.assertion.Responses.status;
import static dev.tickr.assertion.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.testing.Markdown;
import dev.tickr.testing.Markdown.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What docs/conditions.md says conditions mean, judged: each example holds for what the page says
 * it holds for, each JSON path picks what the page says, each sentence "`X` holds for `Y`" (or
 * "doesn't hold for") is true, and each unresolvable value shows the {@code actual} the page shows.
 * A row this test cannot read fails it, so the page and the test cannot drift apart.
 */
class DocsConditionsMeaningTest {
  private static final Path DOC =
      Path.of(System.getProperty("basedir", ".")).resolve("docs/conditions.md");

  private static final Pattern STATUS = Pattern.compile("\\b[1-5]\\d\\d\\b");

  /** "`CONDITION` holds for `BODY`" or "`CONDITION` doesn't hold for `BODY`" in running text. */
  private static final Pattern CLAIM =
      Pattern.compile("`([^`]+)` (holds|doesn't hold) for `([^`]+)`");

  /** The examples whose "holds for" is a description, with a response that fits it. */
  private static final Map<String, Observation> DESCRIBED =
      Map.of(
          "any established connection", status(200).build(),
          "answers in under 500 ms", status(200).responseTime(Duration.ofMillis(499)).build(),
          "the loopback address", status(200).ip("127.0.0.1").build(),
          "any address in 192.168.0.0/16", status(200).ip("192.168.31.7").build(),
          "certificates valid for more than two more days",
              status(200).certificateExpiring(Responses.NOW.plus(Duration.ofHours(49))).build(),
          "a page containing that heading",
              text("<html><body><h1>Example Domain</h1><p>More</p></body></html>").build());

  /**
   * The situations of "When a value can't be resolved", each as a response and a condition that
   * meets it.
   */
  private static final Map<String, Situation> SITUATIONS =
      Map.ofEntries(
          Map.entry("no response arrived", new Situation(Responses.refused(), "[STATUS] == 200")),
          Map.entry(
              "the body isn't JSON (its first 40 characters are shown)",
              new Situation(
                  text("<html><head><title>502 Bad Gateway</title></head></html>").build(),
                  "[BODY].x == 1")),
          Map.entry(
              "the body is broken JSON",
              new Situation(json("{\"a\": 1,}").build(), "[BODY].a == 1")),
          Map.entry(
              "the body was cut at `--max-body`",
              new Situation(
                  new Responses.Builder()
                      .truncatedBody("{\"data\":\"" + "x".repeat(1_100_000) + "\"}", 1_048_576)
                      .build(),
                  "[BODY].data == x")),
          Map.entry("the body is empty", new Situation(json("").build(), "[BODY].x == 1")),
          Map.entry(
              "a field is missing",
              new Situation(json("{\"data\":{\"y\":1}}").build(), "[BODY].data.x == 1")),
          Map.entry(
              "a field is missing because the parent is of another type",
              new Situation(json("{\"data\":[1]}").build(), "[BODY].data.x == 1")),
          Map.entry(
              "an index is past the end",
              new Situation(json("{\"items\":[1,2]}").build(), "[BODY].items[3] == 1")),
          Map.entry(
              "a header is missing", new Situation(status(200).build(), "[HEADER].X-Foo == 1")),
          Map.entry(
              "there is no certificate",
              new Situation(
                  status(200).url("http://api.example.test/").build(),
                  "[CERTIFICATE_EXPIRATION] > 1d")),
          Map.entry(
              "`age()` finds no timestamp",
              new Situation(json("{\"t\":\"abc\"}").build(), "age([BODY].t) < 1h")),
          Map.entry(
              "no address is known",
              new Situation(
                  new Responses.Builder()
                      .failure(Reason.DNS, "DNS: no such host api.example.com")
                      .build(),
                  "[IP] == 127.0.0.1")));

  record Situation(Observation observation, String condition) {}

  static Stream<Arguments> examples() {
    Table table = Markdown.table(DOC, "Condition", "Holds for");
    assertThat(table.rows()).hasSizeGreaterThan(20);
    return table.rows().stream().map(r -> Arguments.of(only(r.get(0)), r.get(1)));
  }

  @ParameterizedTest(name = "{0} holds for {1}")
  @MethodSource("examples")
  void each_example_holds_for_what_the_page_says(String condition, String holdsFor) {
    List<Observation> responses = responsesFor(condition, holdsFor);
    for (Observation response : responses) {
      ConditionResult result = evaluate(response, condition);
      assertThat(result.success())
          .as("%s for %s (actual %s)", condition, holdsFor, result.actual())
          .isTrue();
    }
  }

  static Stream<Arguments> paths() {
    Table table = Markdown.table(DOC, "Path");
    String body = only(table.header().get(1));
    return table.rows().stream()
        .map(r -> Arguments.of(body, only(r.get(0)), Markdown.code(r.get(1)).get(0)));
  }

  @ParameterizedTest(name = "{1} picks {2}")
  @MethodSource("paths")
  void each_json_path_picks_what_the_page_says(String body, String path, String picked) {
    ConditionResult result = evaluate(json(body).build(), path + " == " + picked);

    assertThat(result.success()).as("%s == %s (actual %s)", path, picked, result.actual()).isTrue();
    assertThat(result.actual()).isEqualTo(picked);
  }

  static Stream<Arguments> claims() {
    List<Arguments> found = new ArrayList<>();
    for (String paragraph : Markdown.paragraphs(DOC)) {
      Matcher m = CLAIM.matcher(paragraph);
      while (m.find()) {
        found.add(Arguments.of(m.group(1), m.group(2).equals("holds"), m.group(3)));
      }
    }
    assertThat(found).as("sentences saying a condition holds for a body").hasSizeGreaterThan(3);
    return found.stream();
  }

  @ParameterizedTest(name = "{0} holds={1} for {2}")
  @MethodSource("claims")
  void each_sentence_about_a_body_is_true(String condition, boolean holds, String body) {
    ConditionResult result = evaluate(json(body).build(), condition);

    assertThat(result.success())
        .as("%s for %s (actual %s)", condition, body, result.actual())
        .isEqualTo(holds);
  }

  static Stream<Arguments> unresolved() {
    Table table = Markdown.table(DOC, "Situation", "`actual`");
    return table.rows().stream().map(r -> Arguments.of(r.get(0), only(r.get(1))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("unresolved")
  void each_unresolvable_value_shows_the_actual_the_page_shows(String situation, String actual) {
    Situation s = SITUATIONS.get(situation);
    if (s == null) {
      throw new AssertionError("no response for the documented situation \"" + situation + "\"");
    }

    ConditionResult result = evaluate(s.observation(), s.condition());

    assertThat(result.success()).isFalse();
    assertThat(result.actual()).isEqualTo(actual);
  }

  /** The responses an example's "holds for" describes. */
  private static List<Observation> responsesFor(String condition, String holdsFor) {
    List<String> code = Markdown.code(holdsFor);
    if (condition.startsWith("[STATUS]")) {
      List<Observation> statuses = new ArrayList<>();
      Matcher m = STATUS.matcher(holdsFor);
      while (m.find()) {
        statuses.add(status(Integer.parseInt(m.group())).build());
      }
      assertThat(statuses).as("statuses in \"%s\"", holdsFor).isNotEmpty();
      return statuses;
    }
    if (code.size() == 1) {
      String body = code.get(0);
      boolean isJson = body.startsWith("{") || body.startsWith("[");
      return List.of((isJson ? json(body) : text(body)).build());
    }
    Observation described = DESCRIBED.get(holdsFor);
    if (described == null) {
      throw new AssertionError("no response for the documented \"" + holdsFor + "\"");
    }
    return List.of(described);
  }

  /** The one code span of a cell. */
  private static String only(String cell) {
    List<String> code = Markdown.code(cell);
    assertThat(code).as("code in the cell \"%s\"", cell).hasSize(1);
    return code.get(0);
  }
}
