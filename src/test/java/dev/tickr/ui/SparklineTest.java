package dev.tickr.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {
  private static final double NAN = Double.NaN;

  @Test
  void gaps_split_the_line_and_a_lone_slice_is_a_dot() {
    String svg = Sparkline.svg(Arrays.asList(NAN, 10.0, 30.0, NAN, 20.0, NAN), "a<b");
    assertThat(svg.split("<polyline", -1)).hasSize(2);
    assertThat(svg.split("<circle", -1)).hasSize(2);
    assertThat(svg)
        .contains("points=\"24.0,15.3 48.0,2.0\"")
        .contains("cx=\"96.0\" cy=\"8.7\"")
        .contains("aria-label=\"Response time of a&lt;b over 24 h: average 20 ms, highest 30 ms\"");
  }

  @Test
  void no_data_is_a_dash() {
    assertThat(Sparkline.svg(null, "m")).contains(">-<");
    assertThat(Sparkline.svg(List.of(NAN, NAN), "m")).contains(">-<");
  }
}
