package dev.tickr.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigException;
import dev.tickr.config.Problem;
import org.junit.jupiter.api.Test;

/**
 * An API monitor's OAuth2 client secret: masked in answers, sent back as {@code ***} it keeps the
 * stored one, but only while the token endpoint it goes to stays the same origin.
 */
class OAuth2SecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "oauth2-stored-secret-7d6c";
  private static final String STORED =
      """
      {"name": "x", "url": "https://api.example.com/v1",
       "auth": {"oauth2": {"token-url": "https://auth.example.com/token", "client-id": "tickr",
         "client-secret": "%s", "scope": "reports",
         "params": {"resource": "r", "assertion_token": "param-secret-5e4f"}}}}"""
          .formatted(SECRET);

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void an_answer_masks_the_client_secret_and_secret_named_params_only() throws Exception {
    ObjectNode masked = SecretFields.mask(object(STORED));

    assertThat(masked.at("/auth/oauth2/client-secret").asText()).isEqualTo("***");
    assertThat(masked.at("/auth/oauth2/params/assertion_token").asText()).isEqualTo("***");
    assertThat(masked.at("/auth/oauth2/params/resource").asText()).isEqualTo("r");
    assertThat(masked.at("/auth/oauth2/client-id").asText()).isEqualTo("tickr");
    assertThat(masked.toString()).doesNotContain(SECRET, "param-secret-5e4f");
  }

  @Test
  void the_mask_sent_back_keeps_the_stored_secret_for_the_same_token_endpoint() throws Exception {
    ObjectNode update = SecretFields.mask(object(STORED));
    ((ObjectNode) update.at("/auth/oauth2")).put("scope", "reports payouts");

    ObjectNode kept = SecretFields.keepMasked(update, object(STORED));

    assertThat(kept.at("/auth/oauth2/client-secret").asText()).isEqualTo(SECRET);
    assertThat(kept.at("/auth/oauth2/scope").asText()).isEqualTo("reports payouts");
  }

  @Test
  void the_mask_sent_back_with_another_token_endpoint_is_refused() throws Exception {
    ObjectNode update = SecretFields.mask(object(STORED));
    ((ObjectNode) update.at("/auth/oauth2")).put("token-url", "https://evil.example/token");

    assertThatThrownBy(() -> SecretFields.keepMasked(update, object(STORED)))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .map(Problem::toString)
                    .anyMatch(p -> p.contains("/auth/oauth2/client-secret"))
                    .allMatch(p -> p.contains("auth.oauth2.token-url")));
  }
}
