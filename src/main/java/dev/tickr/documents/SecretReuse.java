package dev.tickr.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.JsonInput;
import dev.tickr.config.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a stored secret may go when an update keeps it by sending back its mask. Whoever may change
 * a monitor without having been shown its secrets (an admin token handed to CI, the dashboard's
 * form) must not be able to send them somewhere new, so a kept mask is refused
 *
 * <ul>
 *   <li>when {@code url} now points at another origin: scheme, host or port, with its {@code
 *       ${NAME}}s read from each version's own {@code secrets} (for a preset monitor, the URL its
 *       keys expand to), or {@code preset} names another platform;
 *   <li>for an OAuth2 client secret (and {@code auth.oauth2} field) when {@code
 *       auth.oauth2.token-url}, where it is sent, now points at another origin;
 *   <li>for a field that refers to a kept secret as {@code ${NAME}} where it did not before (the
 *       items of a list count as one field, so reordering conditions changes nothing).
 * </ul>
 *
 * The secret must then be given again; nothing is stored.
 */
final class SecretReuse {
  private SecretReuse() {}

  /**
   * Why the masks sent back at {@code kept} cannot keep their stored values; empty when they can.
   *
   * @param kept the paths of the secret fields whose mask took the stored value
   * @param update the update with those values put back
   * @param before the stored document
   */
  static List<Problem> problems(List<List<String>> kept, ObjectNode update, ObjectNode before) {
    return problems(kept, update, before, update, before);
  }

  /**
   * {@link #problems(List, ObjectNode, ObjectNode)} where the URLs are read from other documents:
   * for a preset monitor, those its keys expand to. A kept mask is also refused when {@code preset}
   * names another platform.
   *
   * @param updatePlace where the update sends its secrets ({@code url}, {@code auth})
   * @param beforePlace where the stored document sent them
   */
  static List<Problem> problems(
      List<List<String>> kept,
      ObjectNode update,
      ObjectNode before,
      ObjectNode updatePlace,
      ObjectNode beforePlace) {
    if (kept.isEmpty()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    if (!Objects.equals(update.get("preset"), before.get("preset"))) {
      for (List<String> path : kept) {
        problems.add(
            problem(
                pointer(path),
                "\"***\" keeps a stored secret only while preset names the same platform; it"
                    + " now names another: give this secret's value again"));
      }
      return problems;
    }
    if (!Objects.equals(origin(updatePlace), origin(beforePlace))) {
      for (List<String> path : kept) {
        problems.add(
            problem(
                pointer(path),
                "\"***\" keeps a stored secret only while url points at the same scheme, host and"
                    + " port; url now points at another: give this secret's value again"));
      }
      return problems;
    }
    for (List<String> path : kept) {
      // A preset's key may be sent to its token URL as well as to its url.
      if (((path.size() > 2 && path.subList(0, 2).equals(OAUTH2)) || update.has("preset"))
          && !Objects.equals(tokenUrlOrigin(updatePlace), tokenUrlOrigin(beforePlace))) {
        problems.add(
            problem(
                pointer(path),
                "\"***\" keeps a stored secret only while auth.oauth2.token-url points at the same"
                    + " scheme, host and port; it now points at another: give this secret's value"
                    + " again"));
      }
    }
    Set<String> keptNames = new HashSet<>();
    for (List<String> path : kept) {
      if (path.size() == 2 && path.get(0).equals(JsonInput.SECRETS)) {
        keptNames.add(path.get(1));
      }
    }
    if (keptNames.isEmpty()) {
      return problems;
    }
    Map<String, Set<String>> was = references(before);
    for (Map.Entry<String, Set<String>> field : references(update).entrySet()) {
      Set<String> old = was.getOrDefault(field.getKey(), Set.of());
      for (String name : field.getValue()) {
        if (keptNames.contains(name) && !old.contains(name)) {
          problems.add(
              problem(
                  field.getKey(),
                  "refers to ${"
                      + name
                      + "}, which it did not before, while secrets."
                      + name
                      + " is sent as \"***\": a stored secret is not sent to a new place; give"
                      + " the value of "
                      + name
                      + " again"));
        }
      }
    }
    return problems;
  }

  private static Problem problem(String pointer, String message) {
    return new Problem(pointer, 1, 1, message);
  }

  private static final List<String> OAUTH2 = List.of("auth", "oauth2");

  /** {@code scheme://host:port} of the document's {@code url}, null without one. */
  static @Nullable String origin(ObjectNode document) {
    return origin(document.get("url"), document);
  }

  /** {@code scheme://host:port} of {@code auth.oauth2.token-url}, null without one. */
  static @Nullable String tokenUrlOrigin(ObjectNode document) {
    return origin(document.path("auth").path("oauth2").get("token-url"), document);
  }

  private static @Nullable String origin(@Nullable JsonNode url, ObjectNode document) {
    if (url == null || !url.isTextual()) {
      return null;
    }
    String text = resolve(url.textValue(), document.path(JsonInput.SECRETS));
    int placeholder = text.indexOf("{{");
    if (placeholder >= 0 && afterTheHost(text, placeholder)) {
      text = text.substring(0, placeholder); // values filled in per check: not the origin's
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (host == null) {
        return "?" + text; // not a URL the origin can be told of: only the same text is the same
      }
      int port = uri.getPort();
      if (port < 0) {
        port =
            switch (scheme) {
              case "http" -> 80;
              case "https" -> 443;
              default -> -1;
            };
      }
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      return "?" + text;
    }
  }

  /** Whether {@code at} comes after the scheme, host and port of the URL {@code text}. */
  private static boolean afterTheHost(String text, int at) {
    int scheme = text.indexOf("://");
    if (scheme < 0 || scheme + 3 > at) {
      return false;
    }
    for (int i = scheme + 3; i < at; i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return true;
      }
    }
    return false;
  }

  /**
   * The text with each <code>${NAME}</code> of {@code secrets} replaced, and <code>$${</code> as
   * <code>${</code>.
   */
  static String resolve(String text, JsonNode secrets) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (text.startsWith("${", i) && text.indexOf('}', i + 2) > 0) {
        int close = text.indexOf('}', i + 2);
        JsonNode value = secrets.get(text.substring(i + 2, close));
        if (value != null && value.isTextual()) {
          out.append(value.textValue());
        } else {
          out.append(text, i, close + 1); // unknown: the reader refuses it later
        }
        i = close + 1;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The {@code ${NAME}}s each field of the document refers to, by JSON Pointer, its {@code secrets}
   * left out; the items of a list are one field ({@code /conditions}).
   */
  static Map<String, Set<String>> references(ObjectNode document) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : document.properties()) {
      if (!e.getKey().equals(JsonInput.SECRETS)) {
        collect(e.getValue(), "/" + escape(e.getKey()), out);
      }
    }
    return out;
  }

  private static void collect(JsonNode node, String pointer, Map<String, Set<String>> out) {
    if (node.isTextual()) {
      Set<String> names = JsonInput.references(node);
      if (!names.isEmpty()) {
        out.computeIfAbsent(pointer, k -> new HashSet<>()).addAll(names);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(e.getValue(), pointer + "/" + escape(e.getKey()), out);
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, pointer, out));
    }
  }

  /** A path of keys as a JSON Pointer. */
  static String pointer(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String key : path) {
      out.append('/').append(escape(key));
    }
    return out.toString();
  }

  /** RFC 6901: {@code ~} and {@code /} in a key. */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
