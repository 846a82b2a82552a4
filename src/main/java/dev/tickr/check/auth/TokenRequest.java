package dev.tickr.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.check.Body;
import dev.tickr.check.Failure;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.Reason;
import dev.tickr.check.Redaction;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One client credentials token request (RFC 6749 §4.4): the form sent, and what the answer means.
 * Every way the token endpoint can fail is an {@code auth-rejected} failure whose detail starts
 * with "token endpoint" and names it, so that it is never taken for the monitored API being down.
 */
final class TokenRequest {
  /** A token answer is a few hundred bytes; more is not a token answer. */
  static final long MAX_ANSWER = 64 * 1024;

  /** How much of the endpoint's own error text a detail shows. */
  private static final int MAX_ERROR_TEXT = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenRequest() {}

  /** What came of asking: a token, or why there is none. */
  sealed interface Answer permits Minted, Failed {}

  /**
   * @param lifetime the token's {@code expires_in}, or {@code null} when the answer has none
   */
  record Minted(String token, @Nullable Duration lifetime) implements Answer {
    @Override
    public String toString() {
      return "Minted[***, " + lifetime + "]";
    }
  }

  record Failed(Failure failure) implements Answer {}

  /**
   * The {@code POST} to the token endpoint: never follows a redirect, reads at most 64 KiB; through
   * the proxy, with the extra CAs, {@code insecure} and client certificate of {@code via}, the
   * monitored target, when given.
   */
  static HttpTarget target(OAuth2Settings s, @Nullable HttpTarget via) {
    List<Header> headers = new ArrayList<>();
    headers.add(Header.plain("Accept", "application/json"));
    headers.add(Header.plain("Content-Type", "application/x-www-form-urlencoded"));
    StringBuilder form = new StringBuilder();
    field(form, "grant_type", "client_credentials");
    if (s.clientAuth() == OAuth2Settings.ClientAuth.BASIC) {
      headers.add(Header.secret("Authorization", "Basic " + basic(s)));
    } else {
      field(form, "client_id", s.clientId());
      field(form, "client_secret", s.clientSecret());
    }
    if (s.scope() != null) {
      field(form, "scope", s.scope());
    }
    if (s.audience() != null) {
      field(form, "audience", s.audience());
    }
    for (Map.Entry<String, String> p : s.params().entrySet()) {
      field(form, p.getKey(), p.getValue());
    }
    HttpTarget post =
        new HttpTarget(
            s.tokenUrl(),
            "POST",
            headers,
            Payload.of(form.toString()),
            false,
            MAX_ANSWER,
            via != null && via.insecure(),
            via == null ? List.of() : via.extraCas());
    return via == null
        ? post
        : post.withProxy(via.proxy()).withClientIdentity(via.clientIdentity());
  }

  /** RFC 6749 §2.3.1: the id and the secret are form-encoded, then joined and base64-encoded. */
  static String basic(OAuth2Settings s) {
    String pair = encode(s.clientId()) + ":" + encode(s.clientSecret());
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static void field(StringBuilder form, String name, String value) {
    if (!form.isEmpty()) {
      form.append('&');
    }
    form.append(encode(name)).append('=').append(encode(value));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** What the token endpoint's answer means. */
  static Answer read(OAuth2Settings s, Observation o, Set<String> secrets) {
    String where = " (" + Redaction.url(s.tokenUrl()) + ")";
    Failure failure = o.failure();
    if (failure != null) {
      return failed(
          "token endpoint unreachable ("
              + failure.reason().code()
              + "): "
              + failure.message()
              + where,
          secrets);
    }
    Integer status = o.status();
    JsonNode json = json(o.body());
    if (status == null || status < 200 || status > 299) {
      return failed("token endpoint refused: HTTP " + status + error(json) + where, secrets);
    }
    if (json == null || !json.isObject()) {
      return failed(
          "token endpoint answered HTTP " + status + " without a JSON object" + where, secrets);
    }
    JsonNode token = json.get("access_token");
    if (token == null || !token.isTextual() || token.textValue().isBlank()) {
      return failed(
          "token endpoint answered HTTP " + status + " without an access_token" + where, secrets);
    }
    JsonNode type = json.get("token_type");
    if (type != null && !type.isNull() && !type.asText().equalsIgnoreCase("bearer")) {
      return failed(
          "token endpoint gave a token of type \""
              + cut(type.asText())
              + "\"; only Bearer tokens are supported"
              + where,
          secrets);
    }
    return new Minted(token.textValue(), lifetime(json.get("expires_in")));
  }

  /** {@code expires_in} in seconds, a number or a numeric string; {@code null} when absent. */
  private static @Nullable Duration lifetime(@Nullable JsonNode expiresIn) {
    if (expiresIn == null || expiresIn.isNull()) {
      return null;
    }
    long seconds;
    if (expiresIn.isNumber()) {
      seconds = expiresIn.asLong();
    } else if (expiresIn.isTextual() && expiresIn.textValue().strip().matches("-?\\d{1,12}")) {
      seconds = Long.parseLong(expiresIn.textValue().strip());
    } else {
      return null;
    }
    return Duration.ofSeconds(Math.max(0, seconds));
  }

  /** The RFC 6749 §5.2 {@code error} and {@code error_description}, when the answer has them. */
  private static String error(@Nullable JsonNode json) {
    if (json == null || !json.isObject() || !json.path("error").isTextual()) {
      return "";
    }
    String text = json.path("error").textValue();
    JsonNode description = json.get("error_description");
    if (description != null && description.isTextual() && !description.textValue().isBlank()) {
      text += ": " + description.textValue();
    }
    return " " + cut(text);
  }

  private static @Nullable JsonNode json(Body body) {
    if (body.bytes().length == 0 || body.truncated()) {
      return null;
    }
    try {
      return JSON.readTree(body.bytes());
    } catch (IOException e) {
      return null;
    }
  }

  private static String cut(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_ERROR_TEXT
        ? line
        : line.substring(0, MAX_ERROR_TEXT) + Redaction.CUT_MARK;
  }

  private static Failed failed(String detail, Set<String> secrets) {
    return new Failed(new Failure(Reason.AUTH_REJECTED, Redaction.scrubShortened(detail, secrets)));
  }
}
