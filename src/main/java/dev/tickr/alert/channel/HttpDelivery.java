package dev.tickr.alert.channel;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Delivery.Outcome;
import dev.tickr.check.net.NetFailures;
import dev.tickr.time.Durations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Sends one request for an HTTP channel and turns what happened into a {@link Delivery}, the same
 * way for every provider: 2xx is SENT; 408, 425, 429, 5xx and network errors are RETRY (with the
 * provider's {@code Retry-After}); any other answer is FAILED. The answer is the start of the
 * provider's body with the channel's secrets masked. Nothing here throws for a provider's failure.
 */
final class HttpDelivery {
  static final int ANSWER_CHARS = 300;

  private static final long READ_LIMIT = 16 * 1024;

  /** A provider that says in its body when to come back (Telegram's {@code retry_after}). */
  interface RetryHint {
    @Nullable Duration in(String body);
  }

  private final OkHttpClient client;
  private final Clock clock;
  private final String userAgent;
  private final Duration timeout;
  private final SecretMask mask;

  HttpDelivery(Notifiers.Context context, Duration timeout, SecretMask mask) {
    this.client =
        context
            .http()
            .newBuilder()
            .callTimeout(timeout)
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .build();
    this.clock = context.clock();
    this.userAgent = context.userAgent();
    this.timeout = timeout;
    this.mask = mask;
  }

  Delivery send(Request request) {
    return send(request, body -> null);
  }

  Delivery send(Request request, RetryHint hint) {
    Request sent = request.newBuilder().header("User-Agent", userAgent).build();
    try (Response response = client.newCall(sent).execute()) {
      String body = read(response.body());
      Duration retryAfter = retryAfter(response.header("Retry-After"), clock.instant());
      if (retryAfter == null && isRetry(response.code())) {
        retryAfter = hint.in(body);
      }
      return classify(response.code(), answer(body), retryAfter);
    } catch (IOException e) {
      return new Delivery(Outcome.RETRY, null, mask.apply(describe(e)), null);
    }
  }

  /** The outcome of an answer with {@code status}. */
  static Delivery classify(int status, String answer, @Nullable Duration retryAfter) {
    if (status >= 200 && status < 300) {
      return Delivery.sent(status, answer);
    }
    if (isRetry(status)) {
      return new Delivery(Outcome.RETRY, status, answer, retryAfter);
    }
    return new Delivery(Outcome.FAILED, status, answer, null);
  }

  static boolean isRetry(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500;
  }

  /**
   * {@code Retry-After} as seconds ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00
   * GMT}), from {@code now}; null when absent or unreadable, zero for a date in the past.
   */
  static @Nullable Duration retryAfter(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The provider's body on one line, cut short, secrets masked; {@code (empty)} for none. */
  String answer(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.isEmpty() ? "(empty)" : Messages.cut(mask.apply(line), ANSWER_CHARS);
  }

  private String describe(IOException e) {
    if (e instanceof InterruptedIOException) {
      return "timeout after " + Durations.format(timeout);
    }
    if (e instanceof UnknownHostException) {
      return "DNS: no such host " + e.getMessage();
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return NetFailures.connect(e).message();
    }
    if (e instanceof SSLException) {
      return "TLS: " + e.getMessage();
    }
    return "network error: " + e.getMessage();
  }

  private static String read(ResponseBody body) throws IOException {
    BufferedSource source = body.source();
    source.request(READ_LIMIT);
    long size = Math.min(source.getBuffer().size(), READ_LIMIT);
    return source.getBuffer().readString(size, StandardCharsets.UTF_8);
  }
}
