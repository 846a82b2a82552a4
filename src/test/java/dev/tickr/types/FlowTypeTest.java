package dev.tickr.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.StepResult;
import dev.tickr.check.StepResult.Status;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.ConfigLoader;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.config.TypeSettings;
import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import dev.tickr.time.Ticker;
import dev.tickr.types.FlowRun.StepOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flows run against a loopback server: variables pass from step to step, polls repeat until they
 * pass or their time is over (on a fake ticker that each pause moves on), a failing step is named,
 * {@code always} steps run after it, and config mistakes name their place.
 */
class FlowTypeTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final List<Duration> pauses = new ArrayList<>();
  private final HttpCheck http = new HttpCheck(Clock.systemUTC(), ticker, "tickr-test");
  private final OAuth2Tokens tokens = new OAuth2Tokens(http, Clock.systemUTC());
  private final FlowType flow =
      new FlowType(
          http,
          tokens,
          new Judge(Clock.systemUTC()),
          ticker,
          time -> {
            pauses.add(time);
            nanos.addAndGet(time.toNanos());
          });
  private final ConfigLoader loader =
      new ConfigLoader(
          Map.of(), new MonitorTypes(List.of(new HttpType(http, tokens), flow)).definitions());
  private final TestHttpServer server = TestHttpServer.plain();

  @AfterEach
  void stop() {
    server.close();
  }

  private MonitorSpec load(String yaml) throws ConfigException {
    Config config = loader.parse("tickr.yml", yaml.replace("BASE", server.url("").toString()));
    return config.monitors().get(0);
  }

  private FlowRun.Outcome run(MonitorSpec spec) {
    return flow.run(spec.settings(), Deadline.after(spec.timeout(), ticker));
  }

  private static Failure failureOf(Observation observation) {
    Failure failure = observation.failure();
    assertThat(failure).as("the flow failed").isNotNull();
    return java.util.Objects.requireNonNull(failure);
  }

  private List<String> problems(String yaml) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> loader.parse("tickr.yml", yaml.replace("BASE", server.url("").toString())));
    assertThat(e).as("the config is refused").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void passes_extracted_values_and_one_uuid_per_run_to_later_steps() throws Exception {
    server.route(
        "/conversions",
        r ->
            Reply.status(201)
                .header("Location", "/conversions/c-7")
                .json("{\"data\": {\"id\": \"o-42\"}, \"note\": \"order=ab12 ok\"}"));
    server.json("/report/o-42", 200, "{\"amount\": 12.5}");
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: conversion
                type: flow
                steps:
                  - name: convert
                    url: BASEconversions?order={{uuid}}
                    method: POST
                    body: '{"order": "{{uuid}}"}'
                    extract:
                      ORDER: "[BODY].data.id"
                      WHERE: "[HEADER].Location"
                      CODE: 'regex([BODY], "order=(\\w+)")'
                      FINAL: "[URL]"
                  - name: report
                    url: BASEreport/{{ORDER}}?code={{CODE}}&order={{uuid}}
                    headers:
                      X-Where: "{{WHERE}}"
                    conditions:
                      - "[BODY].amount == 12.5"
            """);

    FlowRun.Outcome outcome = run(spec);

    assertThat(outcome.observation().failure()).isNull();
    assertThat(outcome.steps())
        .extracting(StepOutcome::status)
        .containsExactly(Status.PASSED, Status.PASSED);
    List<RecordedRequest> requests = server.requests();
    RecordedRequest convert = requests.get(0);
    RecordedRequest report = requests.get(1);
    String uuid = convert.target().substring(convert.target().indexOf("order=") + 6);
    assertThat(uuid).hasSize(36);
    assertThat(convert.body()).isEqualTo("{\"order\": \"" + uuid + "\"}");
    assertThat(report.target()).isEqualTo("/report/o-42?code=ab12&order=" + uuid);
    assertThat(report.header("X-Where")).isEqualTo("/conversions/c-7");
  }

  @Test
  void a_poll_passes_on_the_try_its_conditions_hold() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    server.route(
        "/report",
        r -> Reply.status(200).json("{\"found\": " + (tries.incrementAndGet() >= 3) + "}"));
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: poller
                type: flow
                interval: 1h
                steps:
                  - name: report
                    url: BASEreport
                    poll: {every: 30s, within: 15m}
                    conditions: ["[BODY].found == true"]
            """);

    FlowRun.Outcome outcome = run(spec);

    assertThat(outcome.observation().failure()).isNull();
    assertThat(outcome.steps().get(0).attempts()).isEqualTo(3);
    assertThat(pauses).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertThat(spec.timeout())
        .as("polls and 30s")
        .isEqualTo(Duration.ofMinutes(15).plusSeconds(30));
  }

  @Test
  void a_poll_that_never_passes_times_out_naming_its_step() throws Exception {
    server.json("/report", 200, "{\"found\": false}");
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: poller
                type: flow
                interval: 1h
                steps:
                  - name: report
                    url: BASEreport
                    poll: {every: 30s, within: 2m}
                    conditions: ["[BODY].found == true"]
            """);

    Observation observation = run(spec).observation();

    assertThat(observation.failure()).isNotNull();
    assertThat(failureOf(observation).message())
        .startsWith("step \"report\" timed out after 2m (5 tries): condition failed:")
        .contains("[BODY].found == true (actual false)");
    assertThat(pauses).hasSize(4);
  }

  @Test
  void a_failing_middle_step_is_named_and_only_always_steps_run_after_it() throws Exception {
    server.json("/login", 200, "{\"token\": \"t\"}");
    server.text("/convert", 500, "boom");
    server.text("/report", 200, "ok");
    server.text("/cleanup", 200, "ok");
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: chain
                type: flow
                steps:
                  - name: login
                    url: BASElogin
                  - name: convert
                    url: BASEconvert
                  - name: report
                    url: BASEreport
                  - name: cleanup
                    url: BASEcleanup
                    method: DELETE
                    always: true
            """);

    FlowRun.Outcome outcome = run(spec);

    assertThat(failureOf(outcome.observation()).message())
        .isEqualTo("step \"convert\": HTTP 500: condition failed: [STATUS] < 400 (actual 500)");
    assertThat(failureOf(outcome.observation()).reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(outcome.steps())
        .extracting(StepOutcome::status)
        .containsExactly(Status.PASSED, Status.FAILED, Status.SKIPPED, Status.PASSED);
    assertThat(server.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/login", "/convert", "/cleanup");
  }

  @Test
  void a_value_that_cannot_be_extracted_fails_its_step() throws Exception {
    server.json("/a", 200, "{\"data\": {}}");
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: chain
                type: flow
                steps:
                  - name: a
                    url: BASEa
                    extract: {ID: "[BODY].data.id"}
                  - name: b
                    url: BASEb/{{ID}}
            """);

    Observation observation = run(spec).observation();

    assertThat(failureOf(observation).reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(failureOf(observation).message())
        .startsWith("step \"a\": extract ID = [BODY].data.id:");
  }

  @Test
  void secrets_of_steps_are_masked_in_what_the_settings_show() throws Exception {
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: secret
                type: flow
                steps:
                  - name: a
                    url: BASEa
                    auth: {bearer: tok-5e3c9a}
                    headers: {X-Api-Key: key-77a1}
            """);

    TypeSettings settings = spec.settings();

    assertThat(settings.secretValues()).contains("tok-5e3c9a", "key-77a1");
    assertThat(settings.toString() + settings.describe() + settings.document().toString())
        .doesNotContain("tok-5e3c9a")
        .doesNotContain("key-77a1");
  }

  @Test
  void config_mistakes_name_their_place() {
    assertThat(
            problems(
                """
                monitors:
                  - name: bad
                    type: flow
                    steps:
                      - name: a
                        url: BASEa/{{LATER}}
                      - name: a
                        url: BASEb
                        extract: {LATER: "[BODY].id"}
                      - name: c
                        url: BASEc
                        poll: {every: 1m, within: 30s}
                      - name: d
                        url: BASEd
                        poll: {every: 1m}
                      - name: e
                        url: BASEe
                        extract: {X: "[NOPE]"}
                """))
        .satisfiesExactlyInAnyOrder(
            p ->
                assertThat(p)
                    .startsWith("tickr.yml:6:")
                    .contains("url: {{LATER}} is not extracted by an earlier step"),
            p ->
                assertThat(p)
                    .isEqualTo("tickr.yml:7:15: step name \"a\" is used twice; names must differ"),
            p ->
                assertThat(p)
                    .startsWith("tickr.yml:12:")
                    .contains("poll.within must be at least poll.every (1m)"),
            p ->
                assertThat(p)
                    .startsWith("tickr.yml:15:")
                    .contains("poll needs both every and within"),
            p -> assertThat(p).startsWith("tickr.yml:18:").contains("extract.X"));
  }

  @Test
  void named_durations_run_from_a_step_start_to_a_later_step_passing() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    server.text("/convert", 200, "ok");
    server.route(
        "/report",
        r ->
            tries.incrementAndGet() < 3
                ? Reply.status(404).text("no")
                : Reply.status(200).text("ok"));
    MonitorSpec spec =
        load(
            """
            monitors:
              - name: latency
                type: flow
                interval: 10m
                durations:
                  attribution-latency: {from: convert, to: report}
                  never-measured: {from: convert, to: reverse}
                steps:
                  - name: convert
                    url: BASEconvert
                  - name: report
                    url: BASEreport
                    poll: {every: 30s, within: 5m}
                  - name: reverse
                    url: BASEmissing
                    conditions: ["[STATUS] == 200"]
            """);

    Observation observation = run(spec).observation();

    assertThat(observation.steps())
        .extracting(StepResult::name, StepResult::status, StepResult::attempts)
        .containsExactly(
            tuple("convert", Status.PASSED, 1),
            tuple("report", Status.PASSED, 3),
            tuple("reverse", Status.FAILED, 1));
    assertThat(observation.steps().get(1).took()).isEqualTo(Duration.ofMinutes(1));
    assertThat(observation.measures()).containsExactly(entry("attribution-latency", 60.0));
    assertThat(spec.settings().document()).containsKey("durations");
  }

  @Test
  void durations_naming_no_step_or_going_backwards_name_their_place() {
    assertThat(
            problems(
                """
                monitors:
                  - name: bad
                    type: flow
                    durations:
                      latency: {from: convert, to: nope}
                      backwards: {from: report, to: convert}
                      Bad Name: {from: convert, to: report}
                    steps:
                      - name: convert
                        url: BASEa
                      - name: report
                        url: BASEb
                """))
        .satisfiesExactlyInAnyOrder(
            p ->
                assertThat(p)
                    .isEqualTo(
                        "tickr.yml:5:36: durations.latency.to: no step is named \"nope\"; the"
                            + " steps are convert, report"),
            p ->
                assertThat(p)
                    .startsWith(
                        "tickr.yml:6:37: durations.backwards.to: step \"convert\" comes"
                            + " before step \"report\""),
            p ->
                assertThat(p)
                    .startsWith("tickr.yml:7:7: durations: \"Bad Name\" is not a duration name"));
  }
}
