package dev.tickr.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.Principal;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.ServerSpec;
import dev.tickr.store.Uptime;
import dev.tickr.web.Access;
import dev.tickr.web.ApiProblem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What every API route shares: the request body as a JSON object (within the size limit, duplicate
 * keys refused), query parameters read or refused with a problem naming them, JSON and problem
 * answers, and who is asking.
 */
final class ApiHttp {
  static final int MAX_PAGE = 1000;
  static final int DEFAULT_PAGE = 100;

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ApiHttp() {}

  static void problem(Context ctx, ApiProblem p) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", p.title());
    body.put("status", p.status());
    body.put("detail", p.getMessage());
    if (!p.errors().isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (ApiProblem.FieldError e : p.errors()) {
        errors.addObject().put("pointer", e.pointer()).put("detail", e.message());
      }
    }
    ctx.status(p.status()).contentType(ApiRoutes.PROBLEM_JSON).result(body.toString());
  }

  static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(ApiRoutes.PROBLEM_JSON);
  }

  static void json(Context ctx, int status, JsonNode body) {
    ctx.status(status).header("Cache-Control", "no-store").json(body.toString());
    ctx.contentType("application/json");
  }

  /** The request body as a JSON object, within the size limit, duplicate keys refused. */
  static ObjectNode body(Context ctx) {
    String type = ctx.contentType();
    if (type != null) {
      String t = type.toLowerCase(Locale.ROOT);
      if (!t.startsWith("application/json") && !t.matches("application/[a-z0-9.+-]*\\+json.*")) {
        throw new ApiProblem(
            415, "Unsupported media type", "send JSON with Content-Type: application/json");
      }
    }
    long length = ctx.contentLength();
    if (length > ApiRoutes.MAX_BODY) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes(ApiRoutes.MAX_BODY + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > ApiRoutes.MAX_BODY) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      throw ApiProblem.badRequest("the request needs a JSON object as its body", "");
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String at =
          where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      throw ApiProblem.badRequest(
          "the body is not valid JSON" + at + ": " + e.getOriginalMessage(), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badRequest("the body must be a JSON object", "");
    }
    return (ObjectNode) node;
  }

  private static ApiProblem tooLarge() {
    return new ApiProblem(
        413,
        "Body too large",
        "a request body may be at most " + ApiRoutes.MAX_BODY / 1024 + " KiB");
  }

  /** Refuses fields not in {@code known}, naming each. */
  static void onlyFields(ObjectNode body, Collection<String> known) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                errors.add(
                    new ApiProblem.FieldError(
                        "/" + f,
                        "unknown field \"" + f + "\"; known: " + String.join(", ", known)));
              }
            });
    if (!errors.isEmpty()) {
      throw new ApiProblem(400, "Invalid request", errors.get(0).message(), errors);
    }
  }

  /** Who made the request, as log lines and stored records name them. */
  static String by(Context ctx) {
    return Access.principal(ctx).map(Principal::label).orElse("anonymous");
  }

  /** The monitor that runs under {@code name}, or 404. */
  static MonitorSpec monitorOr404(Config running, String name) {
    return running
        .monitor(name)
        .orElseThrow(() -> ApiProblem.notFound("no monitor named \"" + name + "\""));
  }

  /** The server's public URL when configured, else how this request reached it. */
  static String publicBase(ServerSpec server, Context ctx) {
    String url =
        server.publicUrl() != null
            ? server.publicUrl().toString()
            : ctx.scheme() + "://" + ctx.host();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  static void putTime(ObjectNode o, String field, @Nullable Instant t) {
    if (t == null) {
      o.putNull(field);
    } else {
      o.put(field, t.toString());
    }
  }

  static void putRatio(ObjectNode o, String field, Uptime u) {
    if (u.checks() == 0 || Double.isNaN(u.ratio())) {
      o.putNull(field);
    } else {
      o.put(field, u.ratio());
    }
  }

  /** A query parameter that is a UTC time, or {@code otherwise} when absent; 400 when wrong. */
  static Instant instant(Context ctx, String param, Instant otherwise) {
    String text = ctx.queryParam(param);
    if (text == null) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(
          param + " must be a UTC time such as 2026-11-24T10:00:00Z, got \"" + text + "\"", param);
    }
  }

  /**
   * A query parameter that is a whole number within bounds, or {@code otherwise}; 400 when wrong.
   */
  static int integer(Context ctx, String param, int otherwise, int min, int max) {
    String text = ctx.queryParam(param);
    if (text == null) {
      return otherwise;
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw ApiProblem.badRequest(
        param + " must be a whole number from " + min + " to " + max + ", got \"" + text + "\"",
        param);
  }
}
