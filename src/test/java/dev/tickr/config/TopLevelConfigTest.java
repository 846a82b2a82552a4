package dev.tickr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a config holds besides monitors: channels, status pages, maintenance windows, storage and
 * server.
 */
class TopLevelConfigTest {

  @Test
  void keeps_channel_settings_raw_with_their_places_and_secrets() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            channels:
              - name: ops
                type: Webhook
                url: https://hooks.example.com/tickr
                secret: ${WEBHOOK_SECRET}
                retries: 3
                ratio: 0.5
                enabled: true
                note: "true"
                headers:
                  X-Api-Key: abc
                  X-Team: growth
                to: [a@example.com, b@example.com]
                empty:
            """);

    ChannelSpec ops = config.channel("ops").orElseThrow();
    assertThat(ops.type()).isEqualTo("webhook");
    assertThat(ops.line()).isEqualTo(2);
    assertThat(ops.settings())
        .containsExactly(
            Map.entry("url", "https://hooks.example.com/tickr"),
            Map.entry("secret", "webhook-test-secret"),
            Map.entry("retries", 3L),
            Map.entry("ratio", 0.5),
            Map.entry("enabled", true),
            Map.entry("note", "true"),
            Map.entry("headers", Map.of("X-Api-Key", "abc", "X-Team", "growth")),
            Map.entry("to", List.of("a@example.com", "b@example.com")));
    assertThat(ops.location("url")).contains(new Location("tickr.yml", 4, 10));
    assertThat(ops.location("headers.X-Team")).contains(new Location("tickr.yml", 12, 15));
    assertThat(ops.location("to[1]")).contains(new Location("tickr.yml", 13, 25));
    assertThat(ops.isSecret("secret")).isTrue();
    assertThat(ops.isSecret("headers.X-Api-Key")).isTrue();
    assertThat(ops.isSecret("headers.X-Team")).isFalse();
    assertThat(ops.isSecret("url")).isFalse();
    assertThatThrownBy(() -> ops.settings().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void reads_status_pages_with_their_groups() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - {name: campaigns, url: https://api.example.com/campaigns}
              - {name: postback, url: https://track.example.com/postback}
            status-pages:
              - slug: partners
                monitors: [campaigns, postback]
                groups:
                  - name: Tracking
                    monitors: [postback]
              - slug: internal
                title: Internal APIs
            """);

    StatusPageSpec partners = config.statusPage("partners").orElseThrow();
    assertThat(partners.title()).as("the slug when no title is given").isEqualTo("partners");
    assertThat(partners.monitors()).containsExactly("campaigns", "postback");
    assertThat(partners.groups())
        .containsExactly(new StatusPageSpec.Group("Tracking", List.of("postback")));
    assertThat(partners.location("groups[0].name")).contains(new Location("tickr.yml", 8, 15));
    assertThat(partners.line()).isEqualTo(5);
    assertThat(partners.source()).isEqualTo(MonitorSpec.SOURCE_YAML);
    StatusPageSpec internal = config.statusPage("internal").orElseThrow();
    assertThat(internal.title()).isEqualTo("Internal APIs");
    assertThat(internal.monitors()).isEmpty();
    assertThat(internal.groups()).isEmpty();
  }

  @Test
  void a_status_page_that_lost_a_monitor_shows_the_rest() throws ConfigException {
    StatusPageSpec page =
        Fixtures.parse(
                """
                monitors:
                  - {name: a, url: https://a.example.com}
                  - {name: b, url: https://b.example.com}
                status-pages:
                  - {slug: p, monitors: [a, b], groups: [{name: G, monitors: [b]}]}
                """)
            .statusPage("p")
            .orElseThrow();

    StatusPageSpec kept = page.keeping(List.of("a"));

    assertThat(kept.monitors()).containsExactly("a");
    assertThat(kept.groups()).containsExactly(new StatusPageSpec.Group("G", List.of()));
    assertThat(page.keeping(List.of("a", "b", "c"))).isSameAs(page);
  }

  @Test
  void reads_maintenance_windows() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            monitors:
              - name: campaigns
                url: https://api.example.com/campaigns
            maintenance:
              - name: network release
                start: 2026-12-01T02:00:00Z
                duration: 2h
                monitors: [campaigns]
              - name: nightly backup
                every: monday..friday
                from: "02:00"
                to: "03:30"
                timezone: Europe/Berlin
                tags: [db]
            """);

    assertThat(config.maintenance())
        .containsExactly(
            new MaintenanceWindow(
                "network release",
                List.of("campaigns"),
                List.of(),
                new MaintenanceWindow.Once(
                    Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-01T04:00:00Z")),
                5),
            new MaintenanceWindow(
                "nightly backup",
                List.of(),
                List.of("db"),
                new MaintenanceWindow.Weekly(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(2, 0),
                    null,
                    LocalTime.of(3, 30),
                    ZoneId.of("Europe/Berlin")),
                9));
  }

  @Test
  void reads_storage_and_server() throws ConfigException {
    Config config =
        Fixtures.parse(
            """
            storage:
              path: /var/lib/tickr
              raw-retention: 14d
              rollup-retention: 2y
            """
                    .replace("2y", "730d")
                + """
            server:
              listen: "[::]:9090"
              public-url: https://status.example.com
            """);

    assertThat(config.storage())
        .isEqualTo(
            new StorageSpec(Path.of("/var/lib/tickr"), Duration.ofDays(14), Duration.ofDays(730)));
    assertThat(config.server())
        .isEqualTo(new ServerSpec("::", 9090, URI.create("https://status.example.com")));
    assertThat(config.server().listen()).isEqualTo("[::]:9090");
  }

  @Test
  void storage_and_server_have_defaults() throws ConfigException {
    Config config = Fixtures.parse("monitors: []\nstorage: {}\nserver: {}\n");

    assertThat(config.storage()).isEqualTo(StorageSpec.DEFAULT);
    assertThat(config.storage().rawRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.storage().rollupRetention()).isEqualTo(Duration.ofDays(400));
    assertThat(config.server()).isEqualTo(ServerSpec.DEFAULT);
    assertThat(config.server().listen()).isEqualTo("127.0.0.1:8080");
  }
}
