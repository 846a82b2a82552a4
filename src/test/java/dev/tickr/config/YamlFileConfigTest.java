package dev.tickr.config;

import static dev.tickr.config.Fixtures.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tickr.check.Header;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file itself: empty files, anchors and aliases, unreadable files, problems with their places,
 * large files.
 */
class YamlFileConfigTest {

  @Test
  void an_empty_file_is_an_empty_config() throws ConfigException {
    assertThat(Fixtures.parse("")).isEqualTo(Config.EMPTY);
    assertThat(Fixtures.parse("# nothing yet\n")).isEqualTo(Config.EMPTY);
    assertThat(Fixtures.parse("\uFEFFmonitors:\n")).isEqualTo(Config.EMPTY);
  }

  @Test
  void top_level_keys_starting_with_x_dash_hold_anchors() throws ConfigException {
    Config config = Fixtures.LOADER.load(Fixtures.ROOT.resolve("valid/anchors.yml"));

    assertThat(config.monitors())
        .map(MonitorSpec::interval)
        .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(15));
    assertThat(config.monitors())
        .allSatisfy(
            m ->
                assertThat(http(m).headers())
                    .containsExactly(Header.plain("Accept", "application/json")));
  }

  @Test
  void a_merge_key_must_name_a_mapping() {
    assertThat(
            Fixtures.problems(
                """
                monitors:
                  - name: campaigns
                    url: https://api.example.com/campaigns
                    <<: not a mapping
                """))
        .containsExactly("tickr.yml:4:9: << merges a mapping (<<: *anchor), got \"not a mapping\"");
  }

  @Test
  void an_alias_means_the_last_anchor_of_its_name_before_it() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            x-tags: &tags [first]
            x-again: &tags [second]
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
                tags: *tags
            """);

    assertThat(config.monitors().getFirst().tags()).containsExactly("second");
  }

  @Test
  void every_alias_without_an_anchor_before_it_is_reported_where_it_is() {
    assertThat(
            Fixtures.problems(
                """
                monitors:
                  - name: campaigns
                    url: https://api.example.com/campaigns
                    tags: *later
                    headers: *nowhere
                x-later: &later [a]
                """))
        .containsExactly(
            "tickr.yml:4:11: *later refers to no anchor: &later must come before it",
            "tickr.yml:5:14: *nowhere refers to no anchor: &nowhere must come before it");
  }

  @Test
  void reports_a_file_that_cannot_be_read_at_its_first_line(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yml");

    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(missing)))
        .hasMessage(missing + ":1:1: cannot read the config: no such file");
    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(dir)))
        .hasMessage(dir + ":1:1: cannot read the config: it is a directory");
  }

  @Test
  void reports_a_file_that_is_not_utf8(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("tickr.yml");
    Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(latin1)))
        .hasMessage(latin1 + ":1:1: cannot read the config: it is not UTF-8 text");
  }

  @Test
  void loads_a_file_and_names_it_in_problems(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tickr.yml");
    Files.writeString(
        file, "monitors:\n  - name: x\n    url: https://example.com\n    interval: 1\n");

    assertThat(catchThrowableOfType(ConfigException.class, () -> Fixtures.LOADER.load(file)))
        .hasMessage(
            file + ":4:15: interval must be a duration like 30s, got 1 (add a unit, e.g. 1s)");
  }

  @Test
  void a_config_exception_lists_one_problem_per_line() {
    ConfigException e =
        new ConfigException(
            List.of(new Problem("a.yml", 1, 2, "first"), new Problem("a.yml", 3, 4, "second")));

    assertThat(e).hasMessage("a.yml:1:2: first\na.yml:3:4: second");
    assertThatThrownBy(() -> new ConfigException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_config_of_several_megabytes_loads_with_every_place_right() throws ConfigException {
    // 12,000 detailed monitors: about 5 MB, more than SnakeYAML reads by default (3 Mi chars).
    StringBuilder yaml = new StringBuilder("defaults:\n  interval: 30s\nmonitors:\n");
    int monitors = 12_000;
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - name: conversion-postback-")
          .append(i)
          .append("\n    url: https://track.example.com/postback/")
          .append(i)
          .append("?click_id=abc123&payout=12.50&currency=USD&network=impact&sub1=campaign\n")
          .append("    method: POST\n")
          .append("    headers:\n      Accept: application/json\n      X-Program: program-")
          .append(i % 50)
          .append("\n    body: '{\"event\":\"conversion\",\"order_id\":\"order-")
          .append(i)
          .append("\",\"amount\":12.50}'\n")
          .append("    conditions: ['[STATUS] == 200', '[BODY].status == ok']\n")
          .append("    tags: [affiliate, program-")
          .append(i % 50)
          .append("]\n");
    }
    yaml.append("  - name: last\n    url: https://api.example.com/health\n    interval: 0s\n");
    assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Fixtures.parse(yaml.toString()));
    // Everything was read: the one problem is the last monitor's, at its own line and column.
    long lines = yaml.chars().filter(c -> c == '\n').count();
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(lines);
              assertThat(p.column()).isEqualTo(15);
              assertThat(p.message()).contains("interval");
            });

    Config config = Fixtures.parse(yaml.substring(0, yaml.lastIndexOf("  - name: last")));
    assertThat(config.monitors()).hasSize(monitors);
    MonitorSpec lastOne = config.monitors().get(monitors - 1);
    assertThat(lastOne.name()).isEqualTo("conversion-postback-" + (monitors - 1));
    assertThat(http(lastOne).headers()).hasSize(2);
    assertThat(lastOne.conditions()).hasSize(2);
    assertThat(lastOne.interval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void a_long_list_keeps_its_order_and_every_monitor_its_defaults() throws ConfigException {
    StringBuilder yaml = new StringBuilder("defaults:\n  interval: 45s\nmonitors:\n");
    int monitors = ConfigReader.PARALLEL_FROM + 501;
    for (int i = 0; i < monitors; i++) {
      yaml.append("  - name: m").append(i).append("\n    url: https://api.example.com/");
      yaml.append(i).append('\n');
    }

    Config config = Fixtures.parse(yaml.toString());

    assertThat(config.monitors()).hasSize(monitors);
    for (int i = 0; i < monitors; i++) {
      MonitorSpec m = config.monitors().get(i);
      assertThat(m.name()).isEqualTo("m" + i);
      assertThat(m.interval()).isEqualTo(Duration.ofSeconds(45));
      assertThat(m.line()).isEqualTo(4 + 2 * i);
    }
  }

  @Test
  void a_long_list_reports_each_problem_in_file_order_with_its_place() {
    StringBuilder yaml = new StringBuilder("monitors:\n");
    int monitors = 3_000;
    for (int i = 0; i < monitors; i++) {
      String name = i == 2_990 ? "m5" : "m" + i; // the second m5, far from the first
      String interval = i == 10 || i == 2_500 ? "0s" : "30s";
      yaml.append("  - name: ")
          .append(name)
          .append("\n    url: https://api.example.com/")
          .append(i)
          .append("\n    interval: ")
          .append(interval)
          .append('\n');
    }
    List<String> problems = Fixtures.problems(yaml.toString());
    // Three lines a monitor after the first: monitor i starts at line 2 + 3i.
    assertThat(problems)
        .containsExactly(
            "tickr.yml:" + (2 + 3 * 10 + 2) + ":15: interval must be at least 1s, got \"0s\"",
            "tickr.yml:" + (2 + 3 * 2_500 + 2) + ":15: interval must be at least 1s, got \"0s\"",
            "tickr.yml:"
                + (2 + 3 * 2_990)
                + ":11: duplicate monitor name \"m5\" (first declared at line "
                + (2 + 3 * 5)
                + ")");
  }
}
