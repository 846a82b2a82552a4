package dev.tickr.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TestHttpServer} route answers: a status, headers, a body and an optional delay
 * before anything is sent. Immutable; each method returns a changed copy.
 *
 * <pre>{@code
 * Reply.status(503).header("Retry-After", "5").text("down for maintenance")
 * }</pre>
 */
public final class Reply {

  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Duration delay;

  private Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, Duration delay) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must be a 3-digit code, got " + status);
    }
    this.status = status;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.delay = delay;
  }

  /** An empty answer with {@code status}. */
  public static Reply status(int status) {
    return new Reply(status, List.of(), new byte[0], Duration.ZERO);
  }

  /** Adds a header; adding the same name twice sends it twice. */
  public Reply header(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new Reply(status, more, body, delay);
  }

  public Reply body(byte[] bytes) {
    return new Reply(status, headers, bytes.clone(), delay);
  }

  public Reply body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A UTF-8 {@code text/plain} body. */
  public Reply text(String text) {
    return header("Content-Type", "text/plain; charset=utf-8").body(text);
  }

  /** A {@code application/json} body, sent as given. */
  public Reply json(String json) {
    return header("Content-Type", "application/json").body(json);
  }

  /**
   * Waits {@code delay} after reading the request before answering, to look like a slow upstream.
   * Closing the server cuts the wait short.
   */
  public Reply after(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    return new Reply(status, headers, body, delay);
  }

  public int status() {
    return status;
  }

  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body.clone();
  }

  public Duration delay() {
    return delay;
  }
}
