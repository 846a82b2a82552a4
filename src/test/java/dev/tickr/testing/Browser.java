package dev.tickr.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP client that keeps cookies as a browser would (by name, removed at Max-Age=0) and
 * never follows redirects, so tests see every 303.
 */
public final class Browser implements AutoCloseable {
  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

  private final String base;
  private final HttpClient http;
  public final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * A browser on another machine, as the server sees it: its connections to 127.0.0.1 come from
   * {@code from}, another loopback address such as 127.0.0.2.
   */
  public Browser(int port, InetAddress from) {
    this.base = "http://127.0.0.1:" + port;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .localAddress(from)
            .build();
  }

  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return send("GET", path, null, null, headers);
  }

  public HttpResponse<String> post(String path, String json, String... headers)
      throws IOException, InterruptedException {
    return send("POST", path, json, "application/json", headers);
  }

  public HttpResponse<String> form(String path, Map<String, String> fields, String... headers)
      throws IOException, InterruptedException {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send("POST", path, body, "application/x-www-form-urlencoded", headers);
  }

  public HttpResponse<String> send(
      String method,
      String path,
      @Nullable String body,
      @Nullable String contentType,
      String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : answer.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || set.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return answer;
  }

  /** GET /login, then POST the form with the token it carried; the answer to the POST. */
  public HttpResponse<String> login(String user, String password, String... headers)
      throws IOException, InterruptedException {
    HttpResponse<String> page = get("/login");
    return form(
        "/login",
        Map.of("username", user, "password", password, "csrf", csrfField(page.body()), "next", "/"),
        headers);
  }

  public static String csrfField(String html) {
    Matcher m = CSRF_FIELD.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no csrf field in " + html);
    }
    return m.group(1);
  }

  public static Optional<String> setCookie(HttpResponse<?> answer, String name) {
    List<String> all = answer.headers().allValues("Set-Cookie");
    return all.stream().filter(s -> s.startsWith(name + "=")).findFirst();
  }

  @Override
  public void close() {
    http.close();
  }
}
