package dev.tickr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status page's daily bars in words: what a screen reader says instead of the colours. */
class StatusPagesBarLabelTest {
  private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

  /** 90 days without data, then the given ratios from day 0 ({@code -} for none). */
  private static List<Double> days(String ratios) {
    List<Double> days = new ArrayList<>(Collections.nCopies(90, Double.NaN));
    String[] given = ratios.isBlank() ? new String[0] : ratios.split(" ");
    for (int i = 0; i < given.length; i++) {
      days.set(i, given[i].equals("-") ? Double.NaN : Double.parseDouble(given[i]));
    }
    return days;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                          | no data yet
          1                           | 1 day with data, all at 99.9 % or more
          1 0.9995 -                  | 2 days with data, all at 99.9 % or more
          1 0.995 0                   | 3 days with data, 2 below 99.9 %: 2026-01-02 99.50 %, 2026-01-03 0.00 %
          0 0 0 0 0 0 0.5             | 7 days with data, 7 below 99.9 %: 2026-01-03 0.00 %, 2026-01-04 0.00 %, 2026-01-05 0.00 %, 2026-01-06 0.00 %, 2026-01-07 50.00 % and 2 earlier
          """)
  void says_how_many_days_have_data_and_which_fell_short(String ratios, String expected) {
    assertThat(StatusPages.barLabel("api", days(ratios), FIRST))
        .isEqualTo("Daily uptime of api over the last 90 days: " + expected);
  }
}
