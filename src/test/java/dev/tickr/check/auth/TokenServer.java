package dev.tickr.check.auth;

import dev.tickr.testing.RecordedRequest;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A loopback OAuth2 token endpoint ({@code POST /token}) and an API ({@code /api}) that takes only
 * the tokens it issued and has not revoked. The endpoint checks the client credentials the way its
 * {@code clientAuth} says (Basic, or in the body), and issues a new token each time, living {@code
 * expiresIn} seconds ({@code null}: no {@code expires_in}).
 */
final class TokenServer implements AutoCloseable {
  static final String CLIENT_ID = "tickr-client";
  static final String SECRET = "client-secret-4f3e2d1c";

  final TestHttpServer server = TestHttpServer.plain();
  private final AtomicInteger issued = new AtomicInteger();
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  volatile OAuth2Settings.ClientAuth clientAuth = OAuth2Settings.ClientAuth.BASIC;
  volatile @Nullable Long expiresIn = 300L;
  volatile boolean apiRefusesAll;
  volatile Duration tokenDelay = Duration.ZERO;

  TokenServer() {
    server.route("/token", this::token);
    server.route("/api", this::api);
  }

  private Reply token(RecordedRequest r) {
    Map<String, String> form = form(r.body());
    boolean ok =
        switch (clientAuth) {
          case BASIC ->
              ("Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                      .equals(r.header("Authorization"))
                  && !form.containsKey("client_secret");
          case BODY ->
              r.header("Authorization") == null
                  && CLIENT_ID.equals(form.get("client_id"))
                  && SECRET.equals(form.get("client_secret"));
        };
    if (!r.method().equals("POST") || !"client_credentials".equals(form.get("grant_type"))) {
      return Reply.status(400).json("{\"error\": \"unsupported_grant_type\"}");
    }
    if (!ok) {
      return Reply.status(401)
          .json(
              "{\"error\": \"invalid_client\", \"error_description\": \"Bad client credentials\"}")
          .after(tokenDelay);
    }
    String token = "minted-token-" + issued.incrementAndGet() + "-9b8a7c6d";
    valid.add(token);
    Long lifetime = expiresIn;
    return Reply.status(200)
        .json(
            "{\"access_token\": \""
                + token
                + "\", \"token_type\": \"Bearer\""
                + (lifetime == null ? "" : ", \"expires_in\": " + lifetime)
                + "}")
        .after(tokenDelay);
  }

  private Reply api(RecordedRequest r) {
    String auth = r.header("Authorization");
    String token = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
    if (apiRefusesAll || !valid.contains(token)) {
      return Reply.status(401).text("unknown token " + auth);
    }
    return Reply.status(200).text("hello, you sent " + auth);
  }

  void revoke(String token) {
    valid.remove(token);
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  List<RecordedRequest> tokenRequests() {
    return server.requests().stream().filter(r -> r.path().equals("/token")).toList();
  }

  List<RecordedRequest> apiRequests() {
    return server.requests().stream().filter(r -> r.path().equals("/api")).toList();
  }

  URI tokenUrl() {
    return server.url("/token");
  }

  URI apiUrl() {
    return server.url("/api");
  }

  OAuth2Settings settings() {
    return settings(clientAuth, SECRET, null, null, Map.of());
  }

  OAuth2Settings settings(
      OAuth2Settings.ClientAuth how,
      String secret,
      @Nullable String scope,
      @Nullable String audience,
      Map<String, String> params) {
    return new OAuth2Settings(tokenUrl(), CLIENT_ID, secret, scope, audience, params, how);
  }

  @Override
  public void close() {
    server.close();
  }
}
