package dev.tickr.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigException;
import dev.tickr.config.JsonInput;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Types;
import java.util.Map;
import java.util.Set;

/**
 * Where a monitor document sends its secrets, for {@link SecretReuse}: a preset monitor writes no
 * {@code url}, so its place is the {@code url} and {@code auth} its keys expand to.
 */
final class SecretPlaces {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SecretPlaces() {}

  /**
   * For a preset monitor, a document of the {@code url} (and OAuth2 {@code token-url}) its keys
   * expand to, empty when it does not read; any other document as it is.
   */
  static ObjectNode of(ObjectNode document, Types types, Set<String> channels) {
    if (!document.has("preset")) {
      return document;
    }
    ObjectNode out = JSON.createObjectNode();
    ApiMonitors.Parts parts = ApiMonitors.Parts.of(document);
    try {
      MonitorSpec spec =
          new JsonInput(types, channels).monitor(parts.monitor(), parts.secrets()).spec();
      Map<String, Object> settings = spec.settings().document();
      out.set("url", JSON.valueToTree(settings.get("url")));
      if (settings.get("auth") instanceof Map<?, ?> auth
          && auth.get("oauth2") instanceof Map<?, ?> oauth2
          && oauth2.get("token-url") instanceof String tokenUrl) {
        out.putObject("auth").putObject("oauth2").put("token-url", tokenUrl);
      }
    } catch (ConfigException e) {
      // Not a monitor: it sends nothing anywhere, and the update is refused for its problems.
    }
    return out;
  }
}
