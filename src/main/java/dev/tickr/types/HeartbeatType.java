package dev.tickr.types;

import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.MetricExpression;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Key.Kind;
import dev.tickr.config.Node;
import dev.tickr.config.PushedSettings;
import dev.tickr.config.Read;
import dev.tickr.config.TypeDefinition;
import dev.tickr.config.TypeSettings;
import dev.tickr.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code heartbeat} monitor type: a job pings {@code /ping/<token>} every period; a ping that
 * does not come within the grace after that is a failure. Its results are pushed, not probed.
 */
public final class HeartbeatType implements TypeDefinition {
  public static final Duration MIN_PERIOD = Duration.ofSeconds(1);
  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);

  /** 22 URL-safe characters carry at least 128 bits when random. */
  public static final int MIN_TOKEN_LENGTH = 22;

  /**
   * A heartbeat fails at its first missed deadline or failure signal unless told otherwise, as in
   * Healthchecks.io.
   */
  public static final int DEFAULT_FAILURE_THRESHOLD = 1;

  /** The numbers a heartbeat measures of its pings, over the last hour. */
  public static final Set<String> MEASURES = Set.of("pings", "count");

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

  private static final List<Key> KEYS =
      List.of(
          Key.of("period", Kind.DURATION, "how often a ping is due; at least 1s.").needed(),
          Key.of(
                  "grace",
                  Kind.DURATION,
                  "how late a ping may be before the monitor fails; not negative.")
              .withDefault("1m"),
          Key.of(
                  "token",
                  Kind.TEXT,
                  "the secret of the ping URL /ping/<token>, at least 22 URL-safe characters,"
                      + " unique; keep it in the environment. Without it Tickr generates one (128"
                      + " random bits) once per monitor name and keeps it in the data directory;"
                      + " tickr status shows it.")
              .secretValue()
              .ownOnly()
              .withSchema("{\"type\": \"string\", \"pattern\": \"^[A-Za-z0-9_-]{22,}$\"}"),
          Key.of(
              "count",
              Kind.TEXT,
              "where a ping's count is read from its body when the URL gives no ?count=, e.g."
                  + " \"[BODY].orders\" or \"len([BODY].items)\"; without it a body that is only a"
                  + " number is the count. A body without it is answered 400."));

  /**
   * Pings expected every {@code period}, late after {@code period + grace}.
   *
   * @param token the secret of its ping URL as configured, {@code null} when Tickr makes one
   */
  public record Settings(
      Duration period, Duration grace, @Nullable String token, @Nullable MetricExpression count)
      implements PushedSettings {
    /** Pings without a count field. */
    public Settings(Duration period, Duration grace, @Nullable String token) {
      this(period, grace, token, null);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
      return "Heartbeat[period="
          + period
          + ", grace="
          + grace
          + ", token="
          + (token == null ? "generated" : "***")
          + (count == null ? "" : ", count=" + count)
          + "]";
    }

    @Override
    public String describe() {
      return "a ping every "
          + Durations.format(period)
          + " (grace "
          + Durations.format(grace)
          + ")";
    }

    @Override
    public void fingerprint(Fingerprint f) {
      f.add(period.toString()).add(grace.toString()).add(Objects.toString(token, "-"));
      f.add(count == null ? "-" : count.text());
    }

    /** The last hour's success pings and the sum of their counts. */
    @Override
    public Set<String> measures() {
      return MEASURES;
    }

    @Override
    public Map<String, Object> document() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("period", Durations.format(period));
      out.put("grace", Durations.format(grace));
      if (count != null) {
        out.put("count", count.text());
      }
      return out;
    }
  }

  @Override
  public String name() {
    return "heartbeat";
  }

  @Override
  public String summary() {
    return "pings to /ping/<token> that must arrive";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public boolean pushed() {
    return true;
  }

  @Override
  public int defaultFailureThreshold() {
    return DEFAULT_FAILURE_THRESHOLD;
  }

  @Override
  public String hint(String key) {
    return key.equals("interval") || key.equals("timeout") ? " (use period and grace)" : "";
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    Node periodNode = fields.get("period");
    if (periodNode == null) {
      read.problem(fields.at(), label + " has no \"period\" (how often pings are due, e.g. 1d)");
    }
    Duration period = periodNode == null ? null : read.duration(periodNode, "period", MIN_PERIOD);
    Node graceNode = fields.get("grace");
    Duration grace = graceNode == null ? DEFAULT_GRACE : read.duration(graceNode, "grace");
    if (grace != null && grace.isNegative() && graceNode != null) {
      read.problem(graceNode.at(), "grace must not be negative, got " + Node.describe(graceNode));
      grace = null;
    }
    Node tokenNode = fields.get("token");
    String token = tokenNode == null ? null : token(tokenNode, read);
    Node countNode = fields.get("count");
    MetricExpression count = countNode == null ? null : count(countNode, read);
    return period == null
            || grace == null
            || (tokenNode != null && token == null)
            || (countNode != null && count == null)
        ? null
        : new Settings(period, grace, token, count);
  }

  /** Where a ping's count is in its body: an expression of the metric language. */
  private static @Nullable MetricExpression count(Node node, Read read) {
    Node.Scalar text = read.scalar(node, "count", "an expression such as [BODY].orders");
    if (text == null) {
      return null;
    }
    try {
      return MetricExpression.parse(text.text());
    } catch (ConditionSyntaxException e) {
      read.problem(text.at(e.column() - 1), "count: " + e.getMessage());
      return null;
    }
  }

  /** A ping URL's secret: long enough not to be guessed, and safe in a URL path. */
  private static @Nullable String token(Node node, Read read) {
    String text = read.nonEmptyText(node, "token");
    if (text == null) {
      return null;
    }
    if (text.length() < MIN_TOKEN_LENGTH || !TOKEN.matcher(text).matches()) {
      // The value is a secret: never repeated in the message.
      read.problem(
          node.at(),
          "token must be at least "
              + MIN_TOKEN_LENGTH
              + " characters of A-Z, a-z, 0-9, \"-\" and \"_\" (got "
              + text.length()
              + " characters)");
      return null;
    }
    return text;
  }
}
