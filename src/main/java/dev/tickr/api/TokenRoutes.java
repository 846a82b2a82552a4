package dev.tickr.api;

import static dev.tickr.api.ApiHttp.JSON;
import static dev.tickr.api.ApiHttp.body;
import static dev.tickr.api.ApiHttp.by;
import static dev.tickr.api.ApiHttp.json;
import static dev.tickr.api.ApiHttp.onlyFields;
import static dev.tickr.api.ApiHttp.putTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.ApiToken;
import dev.tickr.auth.ApiTokens;
import dev.tickr.auth.Principal;
import dev.tickr.auth.Role;
import dev.tickr.time.Durations;
import dev.tickr.web.Access;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /tokens}: an admin lists, creates (the secret is shown once) and revokes API tokens. */
final class TokenRoutes {
  // Log lines keep the name they always had ("ApiRoutes"): operators may filter on it.
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

  private final @Nullable Accounts accounts;

  TokenRoutes(@Nullable Accounts accounts) {
    this.accounts = accounts;
  }

  private ApiTokens tokens(Context ctx) {
    Principal p = Access.requirePrincipal(ctx);
    if (p.role() != Role.ADMIN) {
      throw new ApiProblem(403, "Forbidden", "only an admin may see or change API tokens");
    }
    if (accounts == null) {
      throw new ApiProblem(503, "Unavailable", "accounts are not set up");
    }
    return accounts.tokens();
  }

  private static ObjectNode token(ApiToken t) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", t.id()).put("name", t.name()).put("role", t.role().code());
    o.put("created_at", t.createdAt().toString()).put("created_by", t.createdBy());
    putTime(o, "last_used_at", t.lastUsedAt());
    putTime(o, "revoked_at", t.revokedAt());
    putTime(o, "expires_at", t.expiresAt());
    return o;
  }

  void list(Context ctx) {
    ArrayNode list = JSON.createArrayNode();
    tokens(ctx).list().forEach(t -> list.add(token(t)));
    ObjectNode out = JSON.createObjectNode();
    out.set("tokens", list);
    json(ctx, 200, out);
  }

  void create(Context ctx) {
    ApiTokens tokens = tokens(ctx);
    ObjectNode body = body(ctx);
    onlyFields(body, List.of("name", "role", "expires_in"));
    JsonNode name = body.get("name");
    if (name == null || !name.isTextual() || name.textValue().isBlank()) {
      throw ApiProblem.badRequest("name must be a non-empty string", "/name");
    }
    JsonNode roleNode = body.get("role");
    Role role =
        roleNode == null
            ? Role.VIEWER
            : Role.of(roleNode.asText())
                .filter(r -> roleNode.isTextual())
                .orElseThrow(
                    () -> ApiProblem.badRequest("role must be \"admin\" or \"viewer\"", "/role"));
    Duration lifetime = lifetime(body.get("expires_in"));
    var made = tokens.create(name.textValue(), role, by(ctx), lifetime);
    LOG.info(
        "token={} ({}) created through the API by={}", made.token().name(), role.code(), by(ctx));
    ObjectNode out = token(made.token());
    out.put("token", made.secret());
    ctx.header("Location", ApiRoutes.PREFIX + "/tokens/" + made.token().id());
    json(ctx, 201, out);
  }

  /**
   * {@code expires_in}: a duration such as {@code "30d"}; null or absent for a token that lasts.
   */
  private static @Nullable Duration lifetime(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiProblem.badRequest(
          "expires_in must be a duration such as \"30d\" or \"12h\"", "/expires_in");
    }
    Duration lifetime;
    try {
      lifetime = Durations.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("expires_in: " + e.getMessage(), "/expires_in");
    }
    try {
      ApiTokens.checkLifetime(lifetime);
    } catch (AccountException e) {
      throw ApiProblem.badRequest("expires_in: " + e.getMessage(), "/expires_in");
    }
    return lifetime;
  }

  void revoke(Context ctx) {
    ApiTokens tokens = tokens(ctx);
    String id = ctx.pathParam("id");
    ApiToken revoked =
        tokens.revoke(id).orElseThrow(() -> ApiProblem.notFound("no live token " + id));
    LOG.info("token={} revoked through the API by={}", revoked.name(), by(ctx));
    ctx.status(204);
  }
}
