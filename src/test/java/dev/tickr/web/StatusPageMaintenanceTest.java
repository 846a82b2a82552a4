package dev.tickr.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.Config;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.web.StatusPageView.Planned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which maintenance a status page shows: of its monitors, now or within 30 days, soonest first. */
class StatusPageMaintenanceTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z"); // a Tuesday

  @Test
  void shows_current_and_coming_windows_of_its_monitors_only() throws Exception {
    Config config =
        BuiltInTypes.loader(Map.of())
            .parse(
                "tickr.yml",
                """
                monitors:
                  - {name: shop, url: "http://127.0.0.1:9/"}
                  - {name: db, url: "http://127.0.0.1:9/db", tags: [storage]}
                  - {name: hidden, url: "http://127.0.0.1:9/h"}
                status-pages:
                  - {slug: p, monitors: [shop, db]}
                maintenance:
                  - {name: now, start: "2026-11-24T09:30:00Z", duration: 1h, monitors: [shop]}
                  - {name: too-far, start: "2027-01-10T02:00:00Z", duration: 1h, monitors: [shop]}
                  - {name: other, start: "2026-11-25T02:00:00Z", duration: 1h, monitors: [hidden]}
                  - {name: gone, start: "2026-11-20T02:00:00Z", duration: 1h, monitors: [shop]}
                  - {name: backups, every: sunday, from: "02:00", duration: 2h, tags: [storage]}
                  - {name: everything, every: day, from: "23:00", to: "23:30"}
                """);

    List<Planned> shown =
        StatusPages.maintenance(config, config.statusPage("p").orElseThrow(), NOW);

    assertThat(shown)
        .containsExactly(
            new Planned(
                Instant.parse("2026-11-24T09:30:00Z"),
                Instant.parse("2026-11-24T10:30:00Z"),
                true,
                "once",
                List.of("shop")),
            new Planned(
                Instant.parse("2026-11-24T23:00:00Z"),
                Instant.parse("2026-11-24T23:30:00Z"),
                false,
                "daily",
                List.of("shop", "db")),
            new Planned(
                Instant.parse("2026-11-29T02:00:00Z"),
                Instant.parse("2026-11-29T04:00:00Z"),
                false,
                "weekly",
                List.of("db")));
  }
}
