package dev.tickr.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.Config;
import dev.tickr.config.ConfigException;
import dev.tickr.config.Problem;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.testing.BuiltInTypes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status pages of the API: checked like the file's, kept in a real store, layered on a config. */
class ApiStatusPagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static Config file(String yaml) throws ConfigException {
    return BuiltInTypes.loader(Map.of()).parse("tickr.yml", yaml);
  }

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  private static final String MONITORS =
      """
      monitors:
        - {name: shop, url: "http://127.0.0.1:9/shop"}
        - {name: orders, url: "http://127.0.0.1:9/orders"}
        - {name: payouts, url: "http://127.0.0.1:9/payouts"}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          {"title": "x"}                                  |                      | status page has no "slug"
          {"slug": 5}                                     | /slug                | slug must be a string, got 5
          {"slug": "Partner Status"}                      | /slug                | slug must be lower-case letters, digits and dashes (it is part of a URL), got "Partner Status"
          {"slug": ""}                                    | /slug                | slug must not be empty
          {"slug": "p", "title": 5}                       | /title               | title must be a string, got 5
          {"slug": "p", "title": true}                    | /title               | title must be a string, got true
          {"slug": "p", "title": " "}                     | /title               | title must not be empty
          {"slug": "p", "monitors": "shop"}               | /monitors            | monitors must be a list of strings, got "shop"
          {"slug": "p", "monitors": [1]}                  | /monitors/0          | monitors[0] must be a string, got 1
          {"slug": "p", "monitors": ["shpo"]}             | /monitors/0          | unknown monitor "shpo" (did you mean "shop"?)
          {"slug": "p", "monitors": ["shop", "shop"]}     | /monitors/1          | monitor "shop" is listed twice
          {"slug": "p", "colour": "red"}                  | /colour              | unknown key "colour"
          {"slug": "p", "monitor": ["shop"]}              | /monitor             | unknown key "monitor" (did you mean "monitors"?)
          {"slug": "p", "groups": {"name": "G"}}          | /groups              | groups must be a list of groups, each with name and monitors, got a mapping
          {"slug": "p", "groups": ["G"]}                  | /groups/0            | groups[0] must be a mapping with name and monitors, got "G"
          {"slug": "p", "groups": [{"monitors": []}]}     | /groups/0            | group has no "name" (its heading on the page)
          {"slug": "p", "groups": [{"name": 7}]}          | /groups/0/name       | groups[0].name must be a string, got 7
          {"slug": "p", "groups": [{"name": "G", "x": 1}]} | /groups/0/x         | unknown key "x"
          {"slug": "p", "monitors": ["shop"], "groups": [{"name": "G", "monitors": ["orders"]}]} | /groups/0/monitors/0 | monitor "orders" is not on this page: add it to the page's monitors to show it in a group
          {"slug": "p", "monitors": ["shop"], "groups": [{"name": "G", "monitors": ["nope"]}]}   | /groups/0/monitors/0 | unknown monitor "nope"
          {"slug": "p", "monitors": ["shop"], "groups": [{"name": "G", "monitors": ["shop"]}, {"name": "H", "monitors": ["shop"]}]} | /groups/1/monitors/0 | monitor "shop" is in group "G" already (a page shows a monitor once)
          {"slug": "p", "groups": [{"name": "G"}, {"name": "G"}]} | /groups/1/name | group name "G" is used twice
          """)
  void refuses_what_the_file_would_refuse_naming_the_field(
      String body, String pointer, String message) throws Exception {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ApiStatusPages.check(object(body), file(MONITORS)));

    assertThat(e).as(body).isNotNull();
    assertThat(e.problems()).contains(new Problem(pointer == null ? "" : pointer, 1, 1, message));
  }

  @Test
  void takes_a_page_as_the_file_would_and_ignores_the_read_only_fields() throws Exception {
    ApiStatusPages.Checked checked =
        ApiStatusPages.check(
            object(
                """
                {"slug": "partners", "monitors": ["shop", "orders"],
                 "groups": [{"name": "Buying", "monitors": ["shop"]}],
                 "source": "yaml", "url": "http://x/status/partners", "problems": []}"""),
            file(MONITORS));

    assertThat(checked.page().title()).isEqualTo("partners");
    assertThat(checked.page().source()).isEqualTo("api");
    assertThat(checked.page().groups())
        .containsExactly(new StatusPageSpec.Group("Buying", List.of("shop")));
    assertThat(checked.document().has("source")).isFalse();
    assertThat(checked.document().has("url")).isFalse();
    assertThat(checked.document().has("problems")).isFalse();
    StatusPageSpec literal =
        ApiStatusPages.check(object("{\"slug\": \"p\", \"title\": \"${HOME} costs\"}"), file(""))
            .page();
    assertThat(literal.title()).as("no environment is read").isEqualTo("${HOME} costs");
  }

  @Test
  void pages_are_kept_in_the_store_and_the_file_wins_a_slug_both_use() throws Exception {
    Config running = file(MONITORS);
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiStatusPages pages = new ApiStatusPages(store, Clock.systemUTC());
      ObjectNode partners =
          ApiStatusPages.check(
                  object("{\"slug\":\"partners\",\"title\":\"API\",\"monitors\":[\"shop\"]}"),
                  running)
              .document();
      assertThat(pages.create("partners", partners, "token:ci")).isTrue();
      assertThat(pages.create("partners", partners, "token:ci")).isFalse();
      ObjectNode changed = partners.deepCopy().put("title", "Partners");
      assertThat(pages.update("partners", changed, "user:ana")).isTrue();
      assertThat(pages.update("nope", changed, "user:ana")).isFalse();
    }
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiStatusPages again = new ApiStatusPages(store, Clock.systemUTC());
      assertThat(again.stored("partners").orElseThrow().createdBy()).isEqualTo("token:ci");
      assertThat(again.stored("partners").orElseThrow().updatedBy()).isEqualTo("user:ana");
      assertThat(again.apply(running).statusPage("partners").orElseThrow().title())
          .isEqualTo("Partners");
      assertThat(again.sourceOf("partners", running)).contains("api");

      Config fileHasIt =
          file(MONITORS + "status-pages: [{slug: partners, title: From the file}]\n");
      Config layered = again.apply(fileHasIt);
      assertThat(layered.statusPages()).hasSize(1);
      assertThat(layered.statusPage("partners").orElseThrow().title()).isEqualTo("From the file");
      assertThat(again.sourceOf("partners", fileHasIt)).contains("yaml");

      assertThat(again.delete("partners")).isTrue();
      assertThat(again.delete("partners")).isFalse();
    }
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      assertThat(new ApiStatusPages(store, Clock.systemUTC()).documents()).isEmpty();
    }
  }

  @Test
  void a_page_whose_monitor_is_gone_shows_the_rest_and_says_what_is_missing() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir, Retention.defaults(), Clock.systemUTC())) {
      ApiStatusPages pages = new ApiStatusPages(store, Clock.systemUTC());
      ObjectNode page =
          ApiStatusPages.check(
                  object(
                      """
                      {"slug": "p", "monitors": ["shop", "payouts"],
                       "groups": [{"name": "Money", "monitors": ["payouts"]}]}"""),
                  file(MONITORS))
              .document();
      pages.create("p", page, "token:ci");

      Config withoutPayouts = file("monitors: [{name: shop, url: \"http://127.0.0.1:9/\"}]\n");
      StatusPageSpec shown = pages.apply(withoutPayouts).statusPage("p").orElseThrow();

      assertThat(shown.monitors()).containsExactly("shop");
      assertThat(shown.groups()).containsExactly(new StatusPageSpec.Group("Money", List.of()));
      assertThat(pages.problems("p"))
          .extracting(Problem::file)
          .containsExactly("/monitors/1", "/groups/0/monitors/0");
      assertThat(pages.problems("p").get(0).message())
          .isEqualTo(
              "monitor \"payouts\" is gone (deleted, or no longer in the config file); the page"
                  + " shows the rest");
      assertThat(pages.apply(file(MONITORS)).statusPage("p").orElseThrow().monitors())
          .containsExactly("shop", "payouts");
      assertThat(pages.problems("p")).isEmpty();
    }
  }
}
