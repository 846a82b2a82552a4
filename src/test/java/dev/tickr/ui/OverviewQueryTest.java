package dev.tickr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.incident.MonitorState;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverviewQueryTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "''          | ''      | null   | 1 | /",
        "''          | ''      | null   | 2 | /?page=2",
        "api         | ''      | DOWN   | 1 | /?q=api&state=DOWN",
        "a b&c       | team-1  | PAUSED | 3 | /?q=a%20b%26c&tag=team-1&state=PAUSED&page=3",
        "''          | a&b     | null   | 1 | /?tag=a%26b",
      })
  void links_keep_the_search_and_tag_and_set_the_state_and_page(
      String q, String tag, @Nullable MonitorState state, int page, String url) {
    assertThat(new OverviewQuery(q, tag, MonitorState.UP, 5).link(state, page)).isEqualTo(url);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''     | ''     | true",
        "API-00 | ''     | true",
        "pi-001 | team-1 | true",
        "pi-001 | team-2 | false",
        "other  | ''     | false",
        "''     | team   | false",
      })
  void search_ignores_case_and_a_tag_must_match_whole(String q, String tag, boolean matches) {
    OverviewRow row =
        new OverviewRow(
            "api-00123", "http", List.of("team-1", "web"), MonitorState.UP, null, null, null);
    assertThat(new OverviewQuery(q, tag, null, 1).matches(row)).isEqualTo(matches);
  }
}
