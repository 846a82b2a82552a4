package dev.tickr.check.http;

import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/** The OkHttp request of one hop: the target's headers, a User-Agent, and its body. */
final class Requests {
  private static final Set<String> METHODS_WITH_BODY =
      Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

  private Requests() {}

  /** The request; methods that must carry a body get an empty one when the target has none. */
  static Request request(
      HttpUrl url,
      String method,
      List<Header> headers,
      @Nullable RequestBody body,
      String userAgent) {
    Request.Builder builder = new Request.Builder().url(url);
    boolean ownAgent = false;
    for (Header h : headers) {
      builder.addHeader(h.name(), h.value());
      ownAgent |= h.name().equalsIgnoreCase("User-Agent");
    }
    if (!ownAgent) {
      builder.header("User-Agent", userAgent);
    }
    RequestBody sent = body;
    if (sent == null && METHODS_WITH_BODY.contains(method)) {
      sent = RequestBody.create(new byte[0], null);
    }
    return builder.method(method, sent).build();
  }

  static @Nullable RequestBody body(HttpTarget target) {
    var payload = target.body();
    if (payload == null) {
      return null;
    }
    String type =
        target.headers().stream()
            .filter(h -> h.name().equalsIgnoreCase("Content-Type"))
            .map(Header::value)
            .findFirst()
            .orElse(payload.guessContentType());
    return RequestBody.create(payload.bytes(), MediaType.parse(type));
  }
}
