package dev.tickr.assertion;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tickr.check.Body;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.Observation;
import dev.tickr.check.TlsInfo;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One observation being judged, at one instant: resolves placeholders and parses the body as JSON
 * at most once, however many conditions look at it. Confined to one judging; not thread-safe.
 */
final class EvaluationContext {
  /** Exact decimals, original scale, and a body with trailing garbage is not JSON. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final Observation observation;
  private final Instant now;
  private @Nullable String bodyText;
  private boolean parsed;
  private @Nullable JsonNode json;
  private String jsonError = "";
  private @Nullable MetricScope metrics;

  EvaluationContext(Observation observation, Instant now) {
    this.observation = observation;
    this.now = now;
  }

  Instant now() {
    return now;
  }

  /** The metrics of this judging: none unless {@link #metrics(MetricScope)} gave them. */
  MetricScope metrics() {
    MetricScope scope = metrics;
    if (scope == null) {
      scope = MetricScope.empty();
      metrics = scope;
    }
    return scope;
  }

  void metrics(MetricScope scope) {
    metrics = scope;
  }

  /** {@code no response (connection refused)}, or null when a response arrived. */
  private @Nullable String noResponse() {
    // HTTP answers carry a status; tcp, tls and dns ones only a connection.
    boolean answered =
        http()
            ? observation.status() != null
            : observation.connected() && observation.failure() == null;
    if (answered) {
      return null;
    }
    Failure failure = observation.failure();
    return failure == null ? "no response" : "no response (" + failure.message() + ")";
  }

  private boolean http() {
    String scheme = observation.url().getScheme();
    return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
  }

  Value status() {
    Integer status = observation.status();
    return status == null ? missing() : Value.Num.of(status);
  }

  Value responseTime() {
    String none = noResponse();
    return none != null
        ? new Value.Missing(none)
        : new Value.Dur(observation.timings().total(), null);
  }

  Value connected() {
    return new Value.Bool(observation.connected());
  }

  Value ip() {
    InetAddress ip = observation.ip();
    if (ip != null) {
      return new Value.Text(address(ip));
    }
    Failure failure = observation.failure();
    return new Value.Missing(
        failure == null ? "no IP address" : "no IP address (" + failure.message() + ")");
  }

  Value certificateExpiration() {
    TlsInfo tls = observation.tls();
    if (tls != null) {
      return new Value.Dur(tls.untilExpiry(now), null);
    }
    String scheme = observation.url().getScheme();
    boolean https = "https".equalsIgnoreCase(scheme) || "tls".equalsIgnoreCase(scheme);
    Failure failure = observation.failure();
    String why =
        !https
            ? "not a TLS connection"
            : failure != null ? failure.message() : "the server presented none";
    return new Value.Missing("no certificate (" + why + ")");
  }

  /** An address as Go prints it: IPv6 shortened per RFC 5952 ({@code ::1}), no scope. */
  static String address(InetAddress ip) {
    String text = ip.getHostAddress();
    if (!(ip instanceof Inet6Address)) {
      return text;
    }
    int percent = text.indexOf('%');
    String[] groups = (percent < 0 ? text : text.substring(0, percent)).split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    if (bestStart < 0) {
      return String.join(":", groups);
    }
    String head = String.join(":", Arrays.asList(groups).subList(0, bestStart));
    String tail = String.join(":", Arrays.asList(groups).subList(bestStart + bestLength, 8));
    return head + "::" + tail;
  }

  /** A response header; all its values joined with {@code ", "}. */
  Value header(String name) {
    String none = noResponse();
    if (none != null) {
      return new Value.Missing(none);
    }
    List<String> values = new ArrayList<>();
    boolean secret = false;
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Header h : observation.headers().all()) {
      if (h.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        values.add(h.value());
        secret |= h.secret();
      }
    }
    if (values.isEmpty()) {
      return new Value.Missing("no header \"" + name + "\"");
    }
    String joined = String.join(", ", values);
    return secret ? new Value.Secret(joined) : new Value.Text(joined);
  }

  /** {@code [URL]}: the landing URL, or its {@code host}, {@code path} or {@code query.NAME}. */
  Value url(String part) {
    return ChainValues.url(observation, part);
  }

  /** {@code [REDIRECTS]}: how many redirects were followed. */
  Value redirects() {
    return ChainValues.redirects(observation);
  }

  /** {@code [HOP].N.field}. */
  Value hop(String spec) {
    return ChainValues.hop(observation, spec);
  }

  /** {@code [SOFT_404]}: {@code none}, or what makes the page look like a soft 404. */
  Value soft404() {
    String none = noResponse();
    return none != null ? new Value.Missing(none) : Soft404.of(observation, bodyText());
  }

  /** The whole body as text, without leading and trailing whitespace. */
  Value body() {
    String none = noResponse();
    return none != null ? new Value.Missing(none) : new Value.Text(bodyText());
  }

  /** The body parsed as JSON, once; a {@link Value.Missing} says why it is not JSON. */
  Value json() {
    String none = noResponse();
    if (none != null) {
      return new Value.Missing(none);
    }
    if (!parsed) {
      parse();
    }
    JsonNode root = json;
    return root != null ? new Value.Json(root) : new Value.Missing(jsonError);
  }

  /** Whether the body is a JSON object or array (parsing it if it looks like one). */
  @Nullable JsonNode jsonContainer() {
    if (noResponse() != null) {
      return null;
    }
    String text = bodyText();
    if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
      return null;
    }
    return json() instanceof Value.Json j && j.node().isContainerNode() ? j.node() : null;
  }

  private String bodyText() {
    String text = bodyText;
    if (text == null) {
      text = observation.body().text().strip();
      bodyText = text;
    }
    return text;
  }

  private void parse() {
    parsed = true;
    Body body = observation.body();
    String text = bodyText();
    if (text.isEmpty()) {
      jsonError = body.truncated() ? "body is empty (truncated at 0 bytes)" : "body is empty";
      return;
    }
    boolean looksLikeJson = text.charAt(0) == '{' || text.charAt(0) == '[';
    try {
      json = JSON.readTree(text);
    } catch (JacksonException e) {
      if (body.truncated() && looksLikeJson) {
        jsonError = "body is not valid JSON (truncated at " + body.size() + " bytes)";
      } else if (looksLikeJson) {
        JsonLocation at = e.getLocation();
        jsonError =
            at == null
                ? "body is not valid JSON"
                : "body is not valid JSON (line "
                    + at.getLineNr()
                    + ", column "
                    + at.getColumnNr()
                    + ")";
      } else {
        jsonError = "body is not JSON (starts with " + Literals.quoted(text) + ")";
      }
    }
  }

  private Value missing() {
    String none = noResponse();
    return new Value.Missing(none != null ? none : "no response");
  }
}
