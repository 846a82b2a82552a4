package dev.tickr.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigException;
import dev.tickr.config.Problem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a masked secret sent back in an update keeps its stored value ({@link
 * SecretFields#keepMasked}), and when it must be given again: the origin of {@code url} (scheme,
 * host, port, with {@code ${NAME}}s resolved) and the fields that refer to it.
 */
class SecretReuseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORED =
      """
      {"name": "x", "url": "https://${HOST}/v1?page=1",
       "headers": {"X-Api-Key": "${KEY}"}, "auth": {"bearer": "bearer-stored-1234"},
       "conditions": ["[STATUS] == 200", "[BODY].id == ${ID}"],
       "secrets": {"KEY": "key-stored-5678", "HOST": "api.example.com", "ID": "42"}}""";

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  /** The stored monitor as an answer shows it, with the value at {@code pointer} changed. */
  private static ObjectNode edited(String pointer, String value) throws Exception {
    ObjectNode o = SecretFields.mask(object(STORED));
    if (!pointer.isEmpty()) {
      int slash = pointer.lastIndexOf('/');
      String key = pointer.substring(slash + 1);
      if (o.at(pointer.substring(0, slash)) instanceof ArrayNode list) {
        list.set(Integer.parseInt(key), value);
      } else {
        ((ObjectNode) o.at(pointer.substring(0, slash))).put(key, value);
      }
    }
    return o;
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "/url|https://${HOST}/v2/other?page=2",
        "/url|https://${HOST}:443/v1",
        "/url|HTTPS://API.example.com/v1",
        "/url|https://${HOST}/v1?from={{now-31d/d:yyyy-MM-dd}}",
        "/secrets/HOST|API.EXAMPLE.COM",
        "/headers/Accept|application/json",
        "/conditions/1|[STATUS] < 300",
      })
  void the_same_origin_keeps_every_masked_secret(String pointer, String value) throws Exception {
    ObjectNode kept = SecretFields.keepMasked(edited(pointer, value), object(STORED));

    assertThat(kept.at("/secrets/KEY").asText()).isEqualTo("key-stored-5678");
    assertThat(kept.at("/auth/bearer").asText()).isEqualTo("bearer-stored-1234");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/url|http://${HOST}/v1",
        "/url|https://${HOST}:8443/v1",
        "/url|https://evil.example/v1",
        "/url|https://${HOST}.evil.example/v1",
        "/url|https://${KEY}/v1",
        "/url|https://{{uuid}}.evil.example/v1",
        "/url|https://evil.example/v1?at={{now}}",
        "/secrets/HOST|evil.example",
        "/secrets/HOST|api.example.com:8443",
      })
  void another_origin_refuses_every_kept_mask(String pointer, String value) throws Exception {
    List<String> kept =
        pointer.equals("/secrets/HOST")
            ? List.of("/secrets/KEY", "/secrets/ID", "/auth/bearer")
            : List.of("/secrets/KEY", "/secrets/ID", "/secrets/HOST", "/auth/bearer");
    assertThatThrownBy(() -> SecretFields.keepMasked(edited(pointer, value), object(STORED)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(Problem::file)
                  .containsExactlyInAnyOrderElementsOf(kept);
              assertThat(e.problems().get(0).message())
                  .contains("url now points at another")
                  .doesNotContain("evil");
            });
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/headers/X-Other|${KEY}",
        "/body|{\"k\": \"${KEY}\"}",
        "/url|https://${HOST}/v1?k=${KEY}",
        "/conditions/0|[BODY].k == ${KEY}",
        "/auth/bearer|${KEY}",
      })
  void a_field_newly_referring_to_a_kept_secret_is_refused(String pointer, String value)
      throws Exception {
    String field = pointer.startsWith("/conditions") ? "/conditions" : pointer;
    assertThatThrownBy(() -> SecretFields.keepMasked(edited(pointer, value), object(STORED)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).extracting(Problem::file).containsExactly(field);
              assertThat(e.problems().get(0).message())
                  .contains("refers to ${KEY}, which it did not before")
                  .contains("give the value of KEY again");
            });
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/headers/X-Other|${KEY}",
        "/url|https://evil.example/v1",
      })
  void secrets_given_again_go_where_they_are_sent(String pointer, String value) throws Exception {
    ObjectNode update = edited(pointer, value);
    ((ObjectNode) update.get("secrets"))
        .put("KEY", "k2")
        .put("ID", "7")
        .put("HOST", "api.example.com");
    ((ObjectNode) update.get("auth")).put("bearer", "b2");

    ObjectNode kept = SecretFields.keepMasked(update, object(STORED));

    assertThat(kept.at("/secrets/KEY").asText()).isEqualTo("k2");
    assertThat(kept.at("/auth/bearer").asText()).isEqualTo("b2");
  }
}
