package dev.tickr.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * An API monitor's {@code auth.signature}: its key and secrets are masked in answers and kept when
 * an update sends the mask back to the same origin; its templates are shown as written.
 */
class SignatureSecretFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORED =
      """
      {"name": "sas", "url": "https://api.shareasale.com/x.cfm?action=ledger",
       "auth": {"signature": {"algorithm": "hmac-sha256", "key": "key-stored-1a2b3c",
         "secrets": {"token": "token-stored-4d5e6f"},
         "sign": "{secret:token}:{date}", "headers": {"X-Sig": "{signature}"}}}}""";

  private static ObjectNode stored() throws Exception {
    return (ObjectNode) JSON.readTree(STORED);
  }

  @Test
  void the_key_and_secrets_are_masked_and_the_templates_shown() throws Exception {
    ObjectNode answer = SecretFields.mask(stored());

    assertThat(answer.at("/auth/signature/key").textValue()).isEqualTo("***");
    assertThat(answer.at("/auth/signature/secrets/token").textValue()).isEqualTo("***");
    assertThat(answer.at("/auth/signature/sign").textValue()).isEqualTo("{secret:token}:{date}");
    assertThat(answer.toString()).doesNotContain("key-stored").doesNotContain("token-stored");
  }

  @Test
  void an_edit_that_sends_the_masks_back_keeps_the_key_and_secrets() throws Exception {
    ObjectNode update = SecretFields.mask(stored());
    ((ObjectNode) update.at("/auth/signature")).put("encoding", "base64");

    ObjectNode kept = SecretFields.keepMasked(update, stored());

    assertThat(kept.at("/auth/signature/key").textValue()).isEqualTo("key-stored-1a2b3c");
    assertThat(kept.at("/auth/signature/secrets/token").textValue())
        .isEqualTo("token-stored-4d5e6f");
    assertThat(kept.at("/auth/signature/encoding").textValue()).isEqualTo("base64");
  }

  @Test
  void a_kept_key_does_not_follow_the_url_to_another_origin() throws Exception {
    ObjectNode update = SecretFields.mask(stored());
    update.put("url", "https://evil.example/x.cfm?action=ledger");

    assertThatThrownBy(() -> SecretFields.keepMasked(update, stored()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("/auth/signature/key");
  }

  @Test
  void the_secret_sealed_places_are_the_key_and_each_secret() {
    assertThat(SecretFields.secret(java.util.List.of("auth", "signature", "key"))).isTrue();
    assertThat(SecretFields.secret(java.util.List.of("auth", "signature", "secrets", "t")))
        .isTrue();
    assertThat(SecretFields.secret(java.util.List.of("auth", "signature", "sign"))).isFalse();
  }
}
