package dev.tickr.types;

import dev.tickr.assertion.Condition;
import dev.tickr.assertion.Extractor;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Deadline;
import dev.tickr.check.Observation;
import dev.tickr.check.Redaction;
import dev.tickr.check.auth.OAuth2Tokens;
import dev.tickr.check.http.HttpCheck;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Key.Kind;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings;
import dev.tickr.time.Durations;
import dev.tickr.time.Ticker;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@code flow} monitor type: ordered HTTP steps, each judged by its own conditions, values
 * extracted from one answer used by later requests as {@code {{VAR}}}, steps that poll until their
 * conditions hold, and {@code always} steps that run after a failure. The run's observation is the
 * failing step's (or the last step's), its failure naming the step: {@code step "report" timed out
 * after 15m: ...}.
 */
public final class FlowType implements MonitorType {
  /** The keys of a step, and of its {@code poll}. */
  public static final List<String> STEP_KEYS = FlowReader.STEP_KEYS;

  public static final List<String> POLL_KEYS = FlowReader.POLL_KEYS;

  /** The time a flow may take besides its polls, when it sets no {@code timeout}. */
  static final Duration SLACK = Duration.ofSeconds(30);

  private static final List<Key> KEYS =
      List.of(
          Key.of(
                  "steps",
                  Kind.OBJECT,
                  "the requests, in order: each has a name, the request keys of an http monitor"
                      + " (url, method, headers, body, auth...), conditions, extract: {VAR: EXPR}"
                      + " for later steps' {{VAR}}, poll: {every, within} and always.")
              .ownOnly()
              .needed()
              .withSchema(
                  "{\"type\": \"array\", \"minItems\": 1, \"maxItems\": "
                      + FlowReader.MAX_STEPS
                      + ", \"items\": {\"type\": \"object\", \"required\": [\"name\", \"url\"],"
                      + " \"additionalProperties\": false, \"properties\": {"
                      + "\"name\": {\"type\": \"string\", \"minLength\": 1},"
                      + " \"url\": {\"type\": \"string\"}, \"method\": {\"type\": \"string\"},"
                      + " \"headers\": {\"$ref\": \"#/$defs/headers\"},"
                      + " \"body\": {\"type\": \"string\"}, \"auth\": {\"$ref\": \"#/$defs/auth\"},"
                      + " \"follow-redirects\": {\"type\": \"boolean\"},"
                      + " \"insecure\": {\"type\": \"boolean\"}, \"ca-cert\": {\"type\": \"string\"},"
                      + " \"max-body\": {\"type\": \"string\"}, \"proxy\": {\"type\": \"string\"},"
                      + " \"client-cert\": {\"type\": \"string\"},"
                      + " \"client-key\": {\"type\": \"string\"},"
                      + " \"conditions\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                      + " \"extract\": {\"type\": \"object\", \"additionalProperties\":"
                      + " {\"type\": \"string\"}},"
                      + " \"poll\": {\"type\": \"object\", \"required\": [\"every\", \"within\"],"
                      + " \"additionalProperties\": false, \"properties\": {\"every\": {\"type\":"
                      + " \"string\"}, \"within\": {\"type\": \"string\"}}},"
                      + " \"always\": {\"type\": \"boolean\"}}}}"),
          Key.of(
                  FlowDurationReader.KEY,
                  Kind.OBJECT,
                  "named durations of each run, in seconds: {NAME: {from: STEP, to: STEP}} is the"
                      + " time from when step from started to when step to passed its conditions"
                      + " (e.g. attribution-latency from convert to report); shown with the steps"
                      + " and exported on /metrics as tickr_flow_duration_seconds.")
              .ownOnly()
              .withSchema(
                  "{\"type\": \"object\", \"maxProperties\": "
                      + FlowDurationReader.MAX
                      + ", \"propertyNames\": {\"pattern\": \"^"
                      + FlowDurationReader.NAME.pattern()
                      + "$\"}, \"additionalProperties\": {\"type\": \"object\","
                      + " \"required\": [\"from\", \"to\"], \"additionalProperties\": false,"
                      + " \"properties\": {\"from\": {\"type\": \"string\"},"
                      + " \"to\": {\"type\": \"string\"}}}}"));

  /**
   * How a polling step waits between its tries. The daemon's waits the way the scheduler's timer
   * does; tests move a fake clock instead.
   */
  @FunctionalInterface
  public interface Pause {
    void await(Duration time) throws InterruptedException;
  }

  private final HttpCheck check;
  private final OAuth2Tokens tokens;
  private final Judge judge;
  private final Ticker ticker;
  private final Pause pause;
  private final Map<String, Boolean> secretNames = HttpRequestReader.newNameCache();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param judge what judges each step's answer by the step's conditions
   * @param ticker what the polls and the flow's deadline are measured with
   * @param pause how a polling step waits between tries
   */
  public FlowType(HttpCheck check, OAuth2Tokens tokens, Judge judge, Ticker ticker, Pause pause) {
    this.check = check;
    this.tokens = tokens;
    this.judge = judge;
    this.ticker = ticker;
    this.pause = pause;
  }

  /**
   * A flow's steps and named durations, read and checked.
   *
   * @param durations what each run measures besides its steps, in the order written
   */
  public record Settings(List<FlowStep> steps, List<FlowDuration> durations)
      implements TypeSettings {
    public Settings {
      steps = List.copyOf(steps);
      durations = List.copyOf(durations);
    }

    @Override
    public java.util.Set<String> measures() {
      java.util.Set<String> names = new java.util.LinkedHashSet<>();
      durations.forEach(d -> names.add(d.name()));
      return names;
    }

    public Settings(List<FlowStep> steps) {
      this(steps, List.of());
    }

    @Override
    public String describe() {
      return "flow of "
          + steps.size()
          + " steps: "
          + steps.stream().map(FlowStep::name).collect(Collectors.joining(", "));
    }

    @Override
    public void fingerprint(Fingerprint f) {
      f.add(steps.size());
      for (FlowStep step : steps) {
        f.add(step.name());
        new HttpType.Settings(step.target()).fingerprint(f);
        f.add(step.conditions().size());
        for (Condition c : step.conditions()) {
          f.add(c.text());
        }
        f.add(step.extract().size());
        for (Map.Entry<String, Extractor> e : step.extract().entrySet()) {
          f.add(e.getKey()).add(e.getValue().text());
        }
        FlowStep.Poll poll = step.poll();
        f.add(poll == null ? "-" : poll.every() + "/" + poll.within());
        f.add(step.always());
      }
      f.add(durations.size());
      for (FlowDuration d : durations) {
        f.add(d.name()).add(d.from()).add(d.to());
      }
    }

    @Override
    public Map<String, Object> document() {
      List<Object> list = new ArrayList<>();
      for (FlowStep step : steps) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(FlowReader.NAME, step.name());
        out.putAll(new HttpType.Settings(step.target()).document());
        out.put(FlowReader.CONDITIONS, step.conditions().stream().map(Condition::text).toList());
        Map<String, Object> extract = new LinkedHashMap<>();
        step.extract().forEach((name, x) -> extract.put(name, x.text()));
        if (!extract.isEmpty()) {
          out.put(FlowReader.EXTRACT, extract);
        }
        FlowStep.Poll poll = step.poll();
        if (poll != null) {
          out.put(
              FlowReader.POLL,
              Map.of(
                  "every", Durations.format(poll.every()),
                  "within", Durations.format(poll.within())));
        }
        if (step.always()) {
          out.put(FlowReader.ALWAYS, true);
        }
        list.add(out);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("steps", list);
      if (!durations.isEmpty()) {
        Map<String, Object> named = new LinkedHashMap<>();
        durations.forEach(d -> named.put(d.name(), Map.of("from", d.from(), "to", d.to())));
        doc.put(FlowDurationReader.KEY, named);
      }
      return doc;
    }

    @Override
    public Set<String> secretValues() {
      Set<String> all = new HashSet<>();
      for (FlowStep step : steps) {
        all.addAll(Redaction.secretsOf(step.target()));
      }
      return all;
    }

    /** What the flow may take when it sets no {@code timeout}: its polls, and some slack. */
    public Duration budget() {
      Duration total = SLACK;
      for (FlowStep step : steps) {
        FlowStep.Poll poll = step.poll();
        if (poll != null) {
          total = total.plus(poll.within());
        }
      }
      return total;
    }

    @Override
    public String toString() {
      return "Flow[" + describe() + "]";
    }
  }

  @Override
  public String name() {
    return "flow";
  }

  @Override
  public String summary() {
    return "several requests in order";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public @Nullable Duration defaultTimeout(TypeSettings settings) {
    return ((Settings) settings).budget();
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    List<FlowStep> steps =
        new FlowReader(read, secretNames, tokens, check.clock()).read(fields, label);
    if (steps == null) {
      return null;
    }
    List<FlowDuration> durations =
        new FlowDurationReader(read)
            .read(fields.get(FlowDurationReader.KEY), steps.stream().map(FlowStep::name).toList());
    return durations == null ? null : new Settings(steps, durations);
  }

  @Override
  public Observation observe(TypeSettings settings, Deadline deadline) {
    return run(settings, deadline).observation();
  }

  /** Runs the flow once: its observation and what became of each step. */
  FlowRun.Outcome run(TypeSettings settings, Deadline deadline) {
    Settings flow = (Settings) settings;
    return new FlowRun(check, judge, ticker, random, pause)
        .run(flow.steps(), flow.durations(), deadline);
  }

  @Override
  public void prepare() {
    check.prepare();
  }

  @Override
  public void ready() {
    check.ready();
  }
}
