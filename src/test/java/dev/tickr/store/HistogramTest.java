package dev.tickr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramTest {
  private static final double ERROR = Math.sqrt(Histogram.GROWTH) - 1;

  @Test
  void error_bound_stated_in_the_javadoc_holds() {
    assertThat(ERROR).isLessThan(0.06);
  }

  @ParameterizedTest
  @ValueSource(longs = {1_000, 1_001, 5_555, 250_000, 1_000_000, 30_000_000, 131_000_000})
  void a_single_value_is_estimated_exactly_thanks_to_the_clamp(long micros) {
    Histogram h = new Histogram();
    h.add(micros);
    assertThat(h.quantile(0.5, micros, micros)).isEqualTo(micros);
  }

  @Test
  void quantiles_of_one_to_a_thousand_ms_are_within_the_bound() {
    Histogram h = new Histogram();
    LongStream.rangeClosed(1, 1000).forEach(ms -> h.add(ms * 1000));
    assertThat((double) h.quantile(0.50, 1000, 1_000_000))
        .isCloseTo(500_000, within(500_000 * ERROR));
    assertThat((double) h.quantile(0.95, 1000, 1_000_000))
        .isCloseTo(950_000, within(950_000 * ERROR));
    assertThat((double) h.quantile(0.99, 1000, 1_000_000))
        .isCloseTo(990_000, within(990_000 * ERROR));
  }

  @Test
  void random_latencies_stay_within_the_bound_for_every_quantile() {
    Random random = new Random(42);
    long[] values = new long[5_000];
    Histogram h = new Histogram();
    for (int i = 0; i < values.length; i++) {
      values[i] = 1_000 + (long) Math.exp(random.nextDouble() * Math.log(100_000_000));
      h.add(values[i]);
    }
    Arrays.sort(values);
    for (double q : new double[] {0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
      double exact = (double) values[(int) Math.ceil(q * values.length) - 1];
      assertThat((double) h.quantile(q, values[0], values[values.length - 1]))
          .as("q=%s", q)
          .isCloseTo(exact, within(exact * ERROR + 1));
    }
  }

  @Test
  void sub_millisecond_latencies_report_at_most_one_ms() {
    Histogram h = new Histogram();
    h.add(200);
    h.add(300);
    h.add(5_000);
    assertThat(h.quantile(0.5, 200, 5_000)).isEqualTo(1_000);
    assertThat(h.quantile(0.5, 200, 300)).isEqualTo(300);
  }

  @Test
  void merging_adds_counts_and_survives_encoding() {
    Histogram a = new Histogram();
    Histogram b = new Histogram();
    a.add(10_000);
    a.add(10_000);
    b.add(2_000_000);
    b.add(500);
    b.add(Long.MAX_VALUE / 2);
    a.merge(Histogram.decode(b.encode()));
    Histogram back = Histogram.decode(a.encode());
    assertThat(back.count()).isEqualTo(5);
    assertThat(back.encode()).isEqualTo(a.encode());
    assertThat(back.quantile(1.0, 500, Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE / 2);
  }

  @Test
  void encoding_is_compact() {
    Histogram h = new Histogram();
    assertThat(h.encode()).hasSize(1);
    h.add(42_000);
    assertThat(h.encode()).hasSize(3);
  }

  @Test
  void an_empty_histogram_has_no_quantile_and_garbage_does_not_decode() {
    assertThatThrownBy(() -> new Histogram().quantile(0.5, 0, 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Histogram.decode(new byte[] {9})).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> Histogram.decode(new byte[] {1, (byte) 0x80}))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> Histogram.decode(new byte[] {1, 120, 1}))
        .isInstanceOf(StoreException.class);
  }
}
