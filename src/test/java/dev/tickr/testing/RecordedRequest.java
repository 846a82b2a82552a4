package dev.tickr.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request as {@link TestHttpServer} received it.
 *
 * @param method the request method, such as {@code GET}
 * @param target the path and query exactly as sent, such as {@code /health?deep=1}
 * @param headers every header, looked up case-insensitively
 * @param body the body decoded as UTF-8, empty if there was none
 */
public record RecordedRequest(
    String method, String target, Map<String, List<String>> headers, String body) {

  public RecordedRequest {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The path without the query string. */
  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /** The first value of header {@code name}, or {@code null} if it was not sent. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
