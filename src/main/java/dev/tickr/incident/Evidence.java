package dev.tickr.incident;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a failing check saw, kept with the incident so people can see why it opened: the status, the
 * response headers with secret-bearing ones masked, and the start of the body.
 */
public record Evidence(
    @Nullable Integer status, List<Map.Entry<String, String>> headers, String bodyStart) {
  public static final int BODY_LIMIT = 1024;
  public static final Evidence NONE = new Evidence(null, List.of(), "");

  public Evidence {
    headers = List.copyOf(headers);
  }
}
