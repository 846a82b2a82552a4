package dev.tickr.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.auth.SecretBox;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.Problem;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.BuiltInTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's layer over the file's config, with a real store and real encryption. */
class ApiMonitorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "layer-secret-5d4c3b2a";

  @TempDir Path dir;

  private static Config file(String yaml) throws ConfigException {
    return BuiltInTypes.loader(Map.of()).parse("tickr.yml", yaml);
  }

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void api_monitors_join_the_files_and_the_file_wins_a_name_both_use() throws Exception {
    Config withOps =
        file(
            """
            channels: [{name: ops, type: webhook, url: "http://127.0.0.1:9/hook"}]
            monitors: [{name: site, url: "http://127.0.0.1:9/"}]
            """);
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiMonitors api =
          new ApiMonitors(
              BuiltInTypes.types(), store, SecretBox.load(Map.of(), dir), Clock.systemUTC());
      ObjectNode report =
          api.check(
              object(
                  "{\"name\":\"report\",\"url\":\"http://127.0.0.1:9/r?key=${K}\","
                      + "\"alerts\":[\"ops\"],\"secrets\":{\"K\":\""
                      + SECRET
                      + "\"}}"),
              withOps,
              null);
      assertThat(api.create("report", report, "user:admin")).isTrue();
      assertThat(api.create("report", report, "user:admin")).isFalse();
      ObjectNode clash =
          api.check(object("{\"name\":\"site\",\"url\":\"http://127.0.0.1:9/x\"}"), withOps, null);
      assertThat(api.create("site", clash, "user:admin")).isTrue();

      Config running = api.apply(withOps);
      assertThat(running.monitors())
          .extracting(MonitorSpec::name)
          .containsExactly("site", "report");
      assertThat(running.monitor("site").orElseThrow().source()).isEqualTo("yaml");
      assertThat(running.monitor("report").orElseThrow().source()).isEqualTo("api");
      assertThat(running.secretValues().values()).contains(SECRET);

      // The file drops the channel the API monitor alerts: it stops running and says why.
      Config withoutOps = file("monitors: [{name: site, url: \"http://127.0.0.1:9/\"}]\n");
      assertThat(api.apply(withoutOps).monitors())
          .extracting(MonitorSpec::name)
          .containsExactly("site");
      assertThat(api.problems("report")).extracting(Problem::file).contains("/alerts/0");
      assertThat(api.apply(withOps).monitor("report")).isPresent();
    }
    assertThat(
            new String(
                    Files.readAllBytes(dir.resolve("tickr.db")),
                    java.nio.charset.StandardCharsets.ISO_8859_1)
                + (Files.exists(dir.resolve("tickr.db-wal"))
                    ? new String(
                        Files.readAllBytes(dir.resolve("tickr.db-wal")),
                        java.nio.charset.StandardCharsets.ISO_8859_1)
                    : ""))
        .doesNotContain(SECRET);

    // Read back after a restart with the same key; a different key is refused clearly.
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiMonitors again =
          new ApiMonitors(
              BuiltInTypes.types(), store, SecretBox.load(Map.of(), dir), Clock.systemUTC());
      assertThat(again.plain("report").orElseThrow().at("/secrets/K").asText()).isEqualTo(SECRET);
      SecretBox other =
          SecretBox.load(Map.of("TICKR_SECRET_KEY", "a-different-passphrase-42"), dir);
      assertThatThrownBy(
              () -> new ApiMonitors(BuiltInTypes.types(), store, other, Clock.systemUTC()))
          .hasMessageContaining("key")
          .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET));
    }
  }

  @Test
  void input_problems_name_the_json_field_and_environment_variables_are_not_read()
      throws Exception {
    Config empty = file("monitors: []\n");
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiMonitors api =
          new ApiMonitors(
              BuiltInTypes.types(), store, SecretBox.load(Map.of(), dir), Clock.systemUTC());
      assertThatThrownBy(
              () ->
                  api.check(
                      object(
                          "{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/${HOME}\","
                              + "\"headers\":{\"A\":1},\"secrets\":{\"bad name\":\"v\"}}"),
                      empty,
                      null))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.problems()).extracting(Problem::file).contains("/secrets/bad name"));
      assertThatThrownBy(
              () ->
                  api.check(
                      object("{\"name\":\"x\",\"url\":\"http://127.0.0.1:9/${HOME}\"}"),
                      empty,
                      null))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e -> {
                assertThat(e.problems()).extracting(Problem::file).containsExactly("/url");
                assertThat(e.problems().get(0).message()).contains("secret HOME is not set");
              });
    }
  }

  @Test
  void credentials_written_in_a_url_are_masked_and_kept_when_the_mask_comes_back()
      throws Exception {
    String url = "https://bob:pa55w0rd-xyz@api.example.com/r?api_key=k3y-literal-99&page=2&t=${T}";
    assertThat(SecretFields.maskUrl(url))
        .isEqualTo("https://bob:***@api.example.com/r?api_key=***&page=2&t=${T}");
    ObjectNode before = object("{\"name\":\"x\",\"url\":\"" + url + "\"}");
    ObjectNode shown = SecretFields.mask(before);
    assertThat(shown.toString()).doesNotContain("pa55w0rd-xyz").doesNotContain("k3y-literal-99");
    assertThat(SecretFields.keepMasked(shown, before).path("url").asText()).isEqualTo(url);
    ObjectNode changed = object("{\"name\":\"x\",\"url\":\"https://other.example.com/\"}");
    assertThat(SecretFields.keepMasked(changed, before).path("url").asText())
        .isEqualTo("https://other.example.com/");
  }

  @Test
  void a_secret_copied_into_another_monitor_does_not_open_and_the_error_names_monitor_and_field()
      throws Exception {
    Config empty = file("monitors: []\n");
    SecretBox box = SecretBox.load(Map.of(), dir);
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiMonitors api = new ApiMonitors(BuiltInTypes.types(), store, box, Clock.systemUTC());
      for (String name : new String[] {"orders", "refunds"}) {
        ObjectNode m =
            api.check(
                object(
                    "{\"name\":\""
                        + name
                        + "\",\"url\":\"http://127.0.0.1:9/\",\"auth\":{\"bearer\":\""
                        + name
                        + "-"
                        + SECRET
                        + "\"}}"),
                empty,
                null);
        assertThat(api.create(name, m, "user:admin")).isTrue();
      }
    }
    // Someone with write access to the database moves orders' sealed token into refunds.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tickr.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE api_monitors SET document = (SELECT document FROM api_monitors WHERE name ="
              + " 'orders') WHERE name = 'refunds'");
    }
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      assertThatThrownBy(() -> new ApiMonitors(BuiltInTypes.types(), store, box, Clock.systemUTC()))
          .hasMessageContaining("monitor \"refunds\", field auth.bearer")
          .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET));
    }
  }

  @Test
  void values_sealed_in_the_old_format_open_and_are_sealed_again_in_the_new() throws Exception {
    byte[] key = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(2));
    // auth.bearer sealed by version 1 (no place) with this key: "sealed by tickr before v2".
    String v1 =
        "v1:06552c84:iacy7xJyY4Kc8+BiqPFAuJJ1wz6t/Rbtr/s2vqzTRC0geMNXlH1xZ53RFzBr2qEh03KiDh4=";
    String document =
        "{\"name\":\"old\",\"url\":\"http://127.0.0.1:9/\",\"auth\":{\"bearer\":{\"sealed\":\""
            + v1
            + "\"}}}";
    java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      assertThat(
              store.insertApiMonitor(
                  new dev.tickr.store.ApiDocument("old", document, at, "user:a", at, "user:a")))
          .isTrue();

      ApiMonitors api =
          new ApiMonitors(BuiltInTypes.types(), store, SecretBox.of(key), Clock.systemUTC());

      assertThat(api.plain("old").orElseThrow().at("/auth/bearer").asText())
          .isEqualTo("sealed by tickr before v2");
      String stored = store.apiMonitors().get(0).document();
      assertThat(stored).doesNotContain(v1).contains("\"v2:");
      assertThat(store.apiMonitors().get(0).updatedAt()).isEqualTo(at);
      assertThat(
              new ApiMonitors(BuiltInTypes.types(), store, SecretBox.of(key), Clock.systemUTC())
                  .plain("old")
                  .orElseThrow()
                  .at("/auth/bearer")
                  .asText())
          .isEqualTo("sealed by tickr before v2");
    }
  }
}
