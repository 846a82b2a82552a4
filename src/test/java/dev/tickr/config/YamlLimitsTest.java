package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A config cannot make Tickr do unbounded work through YAML itself: aliases that repeat more than
 * {@link YamlReader#MAX_REPEATED} values, and values nested deeper than {@link
 * YamlReader#MAX_DEPTH}, are refused where they are written, before anything reads further.
 */
class YamlLimitsTest {
  /** Far more than refusing takes; without the limits these documents run out of memory or time. */
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  /**
   * The "billion laughs": nine lines of nine aliases to the line before, 10^9 values once every
   * alias is expanded, then {@code use}.
   */
  private static String billionLaughs(String use) {
    StringBuilder yaml =
        new StringBuilder("x-lol1: &lol1 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 2; i <= 9; i++) {
      yaml.append("x-lol").append(i).append(": &lol").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
      }
      yaml.append("]\n");
    }
    return yaml.append(use).toString();
  }

  private static List<String> problemsWithin(String yaml) {
    return assertTimeoutPreemptively(GENEROUS, () -> Fixtures.problems(yaml));
  }

  @Test
  void a_billion_laughs_is_refused_at_the_first_alias_over_the_limit() {
    String yaml =
        billionLaughs(
            """
            channels:
              - name: ops
                type: webhook
                url: https://hooks.example.com/x
                headers: *lol9
            """);

    // Line by line the aliases repeat 90, 819, 7380, 66429 and 597870 values (672,588 in all);
    // line 7's first *lol6 repeats another 597,871.
    assertThat(problemsWithin(yaml))
        .containsExactly(
            "tickr.yml:7:16: *lol6 here repeats 597871 values, more than aliases may repeat in"
                + " one config (1000000 in all)");
  }

  @Test
  void a_merge_of_nested_lists_cannot_blow_up_either() {
    String yaml =
        billionLaughs(
            """
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                <<: *lol9
            """);

    assertThat(problemsWithin(yaml)).singleElement().asString().startsWith("tickr.yml:7:16: ");
  }

  @Test
  void the_documented_merge_in_every_monitor_is_no_alias_too_many() throws ConfigException {
    StringBuilder yaml =
        new StringBuilder(
            """
            x-affiliate-api: &affiliate-api
              interval: 5m
              headers:
                Accept: application/json
            monitors:
            """);
    int monitors = 10_000;
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - name: m").append(i).append("\n    <<: *affiliate-api\n");
      yaml.append("    url: https://api.example.com/").append(i).append('\n');
    }

    Config config = Fixtures.parse(yaml.toString());

    assertThat(config.monitors()).hasSize(monitors);
    assertThat(config.monitors().getLast().interval()).isEqualTo(Duration.ofMinutes(5));
  }

  /** {@code x-deep:} with {@code levels} mappings nested in it, one per line, then a value. */
  private static String nestedMappings(int levels) {
    StringBuilder yaml = new StringBuilder("x-deep:\n");
    for (int i = 1; i <= levels; i++) {
      yaml.append(" ".repeat(2 * i)).append("k").append(i).append(":\n");
    }
    return yaml.append(" ".repeat(2 * levels + 2)).append("end\n").toString();
  }

  @Test
  void sixty_four_levels_of_nesting_load() throws ConfigException {
    // The file's own mapping is the first level, the one under x-deep the second, ..., the one
    // that holds k63 the 64th.
    Config config = Fixtures.parse(nestedMappings(YamlReader.MAX_DEPTH - 1));

    assertThat(config.monitors()).isEmpty();
  }

  @Test
  void the_sixty_fifth_level_is_refused_where_it_starts() {
    // The 65th level is the mapping that holds k64: it starts at line 65, where k64 is.
    assertThat(Fixtures.problems(nestedMappings(YamlReader.MAX_DEPTH)))
        .containsExactly(
            "tickr.yml:65:129: values nest more than 64 levels deep here; a config nests at most"
                + " 64");
  }

  @Test
  void lists_nested_a_hundred_thousand_deep_are_refused_without_exhausting_the_stack() {
    int levels = 100_000;
    String yaml = "x-deep: " + "[".repeat(levels) + "]".repeat(levels) + "\n";

    assertThat(problemsWithin(yaml))
        .containsExactly(
            "tickr.yml:1:72: values nest more than 64 levels deep here; a config nests at most 64");
  }

  @Test
  void an_alias_cannot_carry_nesting_past_the_limit() {
    // &deep is 40 lists, one in the other; *deep inside the file's mapping and 30 lists of x-b
    // would put its innermost list 71 levels deep.
    String yaml =
        "x-a: &deep "
            + "[".repeat(40)
            + "end"
            + "]".repeat(40)
            + "\nx-b: "
            + "[".repeat(30)
            + "*deep"
            + "]".repeat(30)
            + "\n";

    assertThat(Fixtures.problems(yaml))
        .containsExactly(
            "tickr.yml:2:36: *deep here nests values 71 levels deep; a config nests at most 64");
  }
}
