package dev.tickr.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.Sealer;
import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretPlace;
import dev.tickr.check.Redaction;
import dev.tickr.config.ConfigException;
import dev.tickr.config.JsonInput;
import dev.tickr.config.Preset;
import dev.tickr.config.Presets;
import dev.tickr.config.Problem;
import dev.tickr.config.SecretNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Where an API monitor holds secrets, and what happens to them: sealed in the database, masked in
 * every answer, kept when an update sends the mask back. The secret fields are every value of
 * {@code secrets}, the credentials of {@code auth} (a signature's key and secrets, an OAuth2 client
 * secret and its {@code params} so named), a header whose name says it is secret ({@code
 * Authorization}, {@code X-Api-Key}, anything with token, key, secret, password or signature), a
 * heartbeat's {@code token}, an http monitor's {@code client-key}, a {@code proxy} that holds a
 * password, and the keys a monitor's {@code preset} marks secret.
 */
final class SecretFields {
  /** What a secret value reads as in an answer; sent back in an update, it keeps the value. */
  static final String MASK = Redaction.MASK;

  private static final String SEALED = "sealed";

  private SecretFields() {}

  /** Whether the value at this path (keys from the monitor object down) is secret. */
  static boolean secret(List<String> path) {
    if (path.size() == 2 && path.get(0).equals(JsonInput.SECRETS)) {
      return true;
    }
    if (path.size() == 2 && path.get(0).equals("headers")) {
      return SecretNames.isSecret(path.get(1));
    }
    if (path.equals(List.of("token")) || path.equals(List.of("client-key"))) {
      return true;
    }
    if (path.size() == 4 && path.subList(0, 3).equals(List.of("auth", "oauth2", "params"))) {
      return SecretNames.isSecret(path.get(3));
    }
    return path.equals(List.of("auth", "bearer"))
        || path.equals(List.of("auth", "basic", "password"))
        || path.equals(List.of("auth", "header", "value"))
        || path.equals(List.of("auth", "signature", "key"))
        || (path.size() == 4 && path.subList(0, 3).equals(List.of("auth", "signature", "secrets")))
        || path.equals(List.of("auth", "oauth2", "client-secret"));
  }

  private static boolean isHeader(List<String> path) {
    return path.size() == 2 && path.get(0).equals("headers");
  }

  /**
   * A {@code proxy} whose URL holds a password (not written as {@code ${NAME}}, whose value is in
   * secrets): secret as a whole; and so is its mask, sent back in an update.
   */
  private static boolean proxyWithPassword(List<String> path, JsonNode value) {
    if (!path.equals(List.of("proxy"))) {
      return false;
    }
    if (value.textValue().equals(MASK)) {
      return true; // the masked proxy sent back: keepMasked restores it
    }
    java.util.regex.Matcher m = USER_INFO.matcher(value.textValue());
    return m.find() && !m.group(2).isEmpty() && !m.group(2).startsWith("${");
  }

  /** A header written as {@code ${NAME}} shows that, not a mask: its value is in secrets. */
  private static boolean refersToSecrets(JsonNode value) {
    return value.textValue().contains("${");
  }

  /**
   * A copy with each secret text value replaced by {@code {"sealed": "..."}}, sealed for {@code
   * monitor} and the field's path ({@link #place}).
   */
  static ObjectNode seal(ObjectNode plain, String monitor, Sealer sealer) {
    return seal(plain, monitor, sealer, Presets.NONE);
  }

  /** {@link #seal(ObjectNode, String, Sealer)}, a preset's secret keys sealed too. */
  static ObjectNode seal(ObjectNode plain, String monitor, Sealer sealer, Presets catalog) {
    return (ObjectNode)
        map(
            plain,
            new ArrayList<>(),
            presetSecrets(plain, catalog),
            (path, value) -> {
              ObjectNode sealed = JsonNodeFactory.instance.objectNode();
              sealed.put(SEALED, sealer.seal(value.textValue(), place(monitor, path)));
              return sealed;
            });
  }

  /**
   * The stored document of {@code monitor} with its sealed values opened.
   *
   * @throws dev.tickr.auth.SecretBoxException naming the monitor and field of a value that does not
   *     open
   */
  static ObjectNode open(ObjectNode stored, String monitor, Sealer sealer) {
    return (ObjectNode) openNode(stored, new ArrayList<>(), monitor, sealer);
  }

  /** Whether the stored document holds a value sealed in an older format: seal it again. */
  static boolean sealedBefore(JsonNode stored) {
    JsonNode sealed = stored.get(SEALED);
    if (stored.isObject() && stored.size() == 1 && sealed != null && sealed.isTextual()) {
      return !SecretBox.isCurrent(sealed.textValue());
    }
    for (JsonNode child : stored) {
      if (sealedBefore(child)) {
        return true;
      }
    }
    return false;
  }

  /** Where a secret field's value belongs: its monitor and its path, keys joined by dots. */
  static SecretPlace place(String monitor, List<String> path) {
    return new SecretPlace(monitor, String.join(".", path));
  }

  private static JsonNode openNode(
      JsonNode node, List<String> path, String monitor, Sealer sealer) {
    if (node.isObject()) {
      JsonNode sealed = node.get(SEALED);
      if (node.size() == 1 && sealed != null && sealed.isTextual()) {
        return JsonNodeFactory.instance.textNode(
            sealer.open(sealed.textValue(), place(monitor, path)));
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        path.add(e.getKey());
        out.set(e.getKey(), openNode(e.getValue(), path, monitor, sealer));
        path.remove(path.size() - 1);
      }
      return out;
    }
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(openNode(item, path, monitor, sealer)));
      return out;
    }
    return node;
  }

  /**
   * A copy for an answer: each secret text value is {@value #MASK}, and so are a password in the
   * URL's user info and the values of secret-named query parameters written in the URL itself
   * (those written as {@code ${NAME}} show as written).
   */
  static ObjectNode mask(ObjectNode plain) {
    return mask(plain, Presets.NONE);
  }

  /** {@link #mask(ObjectNode)}, a preset's secret keys masked too. */
  static ObjectNode mask(ObjectNode plain, Presets catalog) {
    ObjectNode out =
        (ObjectNode)
            map(
                plain,
                new ArrayList<>(),
                presetSecrets(plain, catalog),
                (path, value) -> JsonNodeFactory.instance.textNode(MASK));
    JsonNode url = out.get("url");
    if (url != null && url.isTextual()) {
      out.put("url", maskUrl(url.textValue()));
    }
    return out;
  }

  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*:)([^/@]*)@");
  private static final java.util.regex.Pattern QUERY_PARAM =
      java.util.regex.Pattern.compile("([?&])([^=&#]+)=([^&#]*)");

  static String maskUrl(String url) {
    String out =
        USER_INFO
            .matcher(url)
            .replaceFirst(
                m ->
                    java.util.regex.Matcher.quoteReplacement(
                        m.group(1) + (m.group(2).startsWith("${") ? m.group(2) : MASK) + "@"));
    return QUERY_PARAM
        .matcher(out)
        .replaceAll(
            m -> {
              String value = m.group(3);
              boolean hide =
                  SecretNames.isSecret(m.group(2)) && !value.isEmpty() && !value.startsWith("${");
              return java.util.regex.Matcher.quoteReplacement(
                  m.group(1) + m.group(2) + "=" + (hide ? MASK : value));
            });
  }

  /**
   * An update's document where each secret field sent as {@value #MASK} takes the value it had
   * before (when it had one), so that a client can send back what it was given. A stored secret is
   * only kept for where it went before ({@link SecretReuse}): not when {@code url} now points at
   * another scheme, host or port, nor for a field that newly refers to it as {@code ${NAME}}.
   *
   * @throws ConfigException naming each secret field whose mask cannot be kept
   */
  static ObjectNode keepMasked(ObjectNode update, @Nullable ObjectNode before)
      throws ConfigException {
    return keepMasked(update, before, Presets.NONE, UnaryOperator.identity());
  }

  /**
   * {@link #keepMasked(ObjectNode, ObjectNode)} for a monitor that may name a preset: its secret
   * keys are kept too, and only while {@code preset} stays the same and the URLs it expands to stay
   * on the same origin.
   *
   * @param places where a document sends its secrets: for a preset monitor, a document with the
   *     {@code url} and {@code auth} it expands to; other documents as they are
   */
  static ObjectNode keepMasked(
      ObjectNode update,
      @Nullable ObjectNode before,
      Presets catalog,
      UnaryOperator<ObjectNode> places)
      throws ConfigException {
    if (before == null) {
      return update;
    }
    JsonNode url = update.get("url");
    JsonNode oldUrl = before.get("url");
    if (url != null
        && url.isTextual()
        && oldUrl != null
        && oldUrl.isTextual()
        && !url.textValue().equals(oldUrl.textValue())
        && url.textValue().equals(maskUrl(oldUrl.textValue()))) {
      update = update.deepCopy();
      update.put("url", oldUrl.textValue()); // the masked URL sent back: keep what it hides
    }
    List<List<String>> kept = new ArrayList<>();
    ObjectNode out =
        (ObjectNode)
            map(
                update,
                new ArrayList<>(),
                presetSecrets(update, catalog),
                (path, value) -> {
                  if (!value.textValue().equals(MASK)) {
                    return value;
                  }
                  JsonNode old = before;
                  for (String key : path) {
                    old = old == null ? null : old.get(key);
                  }
                  if (old == null || !old.isTextual()) {
                    return value;
                  }
                  kept.add(path);
                  return old;
                });
    List<Problem> problems =
        SecretReuse.problems(kept, out, before, places.apply(out), places.apply(before));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return out;
  }

  private static JsonNode map(
      JsonNode node,
      List<String> path,
      Set<String> presetSecrets,
      BiFunction<List<String>, JsonNode, JsonNode> secret) {
    if (node.isTextual()
        && (secret(path)
            || (path.size() == 1 && presetSecrets.contains(path.get(0)))
            || proxyWithPassword(path, node))
        && !(isHeader(path) && refersToSecrets(node))) {
      return secret.apply(List.copyOf(path), node);
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        path.add(e.getKey());
        out.set(e.getKey(), map(e.getValue(), path, presetSecrets, secret));
        path.remove(path.size() - 1);
      }
      return out;
    }
    return node.deepCopy();
  }

  /**
   * The keys the document's {@code preset} marks secret ({@code token}...): secret fields of a
   * preset monitor, beside those of every monitor.
   */
  static Set<String> presetSecrets(JsonNode document, Presets catalog) {
    JsonNode name = document.get("preset");
    if (name == null || !name.isTextual()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    catalog
        .find(name.textValue())
        .ifPresent(
            p -> {
              for (Preset.PresetKey k : p.keys()) {
                if (k.secret()) {
                  out.add(k.name());
                }
              }
            });
    return out;
  }
}
