package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Header;
import dev.tickr.check.Headers;
import dev.tickr.config.MonitorSpec;
import dev.tickr.testing.BuiltInTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What targets say is left of their rate limits, and when that is worth a notice. */
class QuotaWatchTest {
  private final QuotaWatch watch = new QuotaWatch();

  private static MonitorSpec monitor(String quota) throws Exception {
    return BuiltInTypes.loader(Map.of())
        .parse("tickr.yml", "monitors:\n  - name: impact\n    url: http://127.0.0.1:1/\n" + quota)
        .monitors()
        .get(0);
  }

  private static Headers headers(String... pairs) {
    List<Header> all = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      all.add(Header.plain(pairs[i], pairs[i + 1]));
    }
    return new Headers(all);
  }

  private List<QuotaWatch.Low> hour(MonitorSpec m, int remaining) {
    return watch.observed(
        m,
        headers(
            "Content-Type", "application/json",
            "X-RateLimit-Limit-Hour", "500",
            "X-RateLimit-Remaining-Hour", Integer.toString(remaining)));
  }

  @Test
  void a_notice_once_per_crossing_and_again_after_the_quota_came_back() throws Exception {
    MonitorSpec m = monitor("    quota: {warn-below: 10%}\n");

    assertThat(hour(m, 300)).isEmpty();
    assertThat(hour(m, 49))
        .singleElement()
        .satisfies(
            l ->
                assertThat(QuotaWatch.describe(l))
                    .isEqualTo("X-RateLimit-Remaining-hour is 49 of 500 (9.8%), below 10%"));
    assertThat(hour(m, 20)).as("still below: no second notice").isEmpty();
    assertThat(hour(m, 0)).isEmpty();
    assertThat(hour(m, 500)).as("the window reset: re-armed").isEmpty();
    assertThat(hour(m, 10)).hasSize(1);
    assertThat(watch.windows().get("impact"))
        .containsEntry("hour", new QuotaWatch.Window("hour", 10, 500));
  }

  @Test
  void plain_headers_cost_nothing_and_leave_no_series() throws Exception {
    MonitorSpec m = monitor("");
    assertThat(watch.observed(m, headers("Content-Type", "text/html", "X-Request-Id", "abc")))
        .isSameAs(List.of());
    assertThat(watch.observed(m, Headers.NONE)).isSameAs(List.of());
    assertThat(watch.windows()).isEmpty();
  }

  @Test
  void the_default_threshold_is_10_percent_and_the_config_limit_stands_in_for_a_missing_header()
      throws Exception {
    MonitorSpec m = monitor("    quota: {limit: 100, per: 1m}\n");
    assertThat(watch.observed(m, headers("x-ratelimit-remaining", "9"))).hasSize(1);
    assertThat(watch.windows().get("impact")).containsEntry("", new QuotaWatch.Window("", 9, 0));
  }

  @Test
  void odd_values_and_many_windows_are_bounded_and_removed_monitors_forgotten() throws Exception {
    MonitorSpec m = monitor("");
    watch.observed(
        m,
        headers(
            "X-RateLimit-Remaining", "100, 100;w=60",
            "X-RateLimit-Remaining-a", "1",
            "X-RateLimit-Remaining-b", "2",
            "X-RateLimit-Remaining-c", "3",
            "X-RateLimit-Remaining-d", "4",
            "X-RateLimit-Remaining-e", "lots",
            "X-RateLimit-Reset", "1700000000",
            "X-RateLimit-LimitX", "7"));
    assertThat(watch.windows().get("impact")).hasSize(QuotaWatch.MAX_WINDOWS);
    watch.retain(Set.of("other"));
    assertThat(watch.windows()).isEmpty();
  }
}
