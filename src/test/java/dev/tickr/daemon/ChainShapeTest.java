package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Body;
import dev.tickr.check.Headers;
import dev.tickr.check.Hop;
import dev.tickr.check.Observation;
import dev.tickr.check.Timings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A redirect chain's shape: what it keeps, what it leaves out as changing from click to click. */
class ChainShapeTest {

  /** A chain through {@code hops} ({@code URL STATUS VIA}), landing on {@code landing}. */
  static Observation chain(String landing, String... hops) {
    List<Hop> list = new ArrayList<>();
    for (String hop : hops) {
      String[] p = hop.split(" ");
      list.add(
          new Hop(
              URI.create(p[0]),
              Integer.parseInt(p[1]),
              Hop.Via.valueOf(p[2].toUpperCase(java.util.Locale.ROOT))));
    }
    return new Observation(
        URI.create(landing),
        true,
        200,
        "OK",
        "HTTP/1.1",
        Headers.NONE,
        Body.EMPTY,
        Timings.totalOnly(Duration.ofMillis(5)),
        null,
        null,
        list.stream().map(Hop::url).toList(),
        null,
        list);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://Shop.Example.com/p/shoes?irclickid=abc&utm_source=x    | https://shop.example.com/p/shoes?irclickid&utm_source
          https://shop.example.com/p/shoes?utm_source=x&irclickid=def#top | https://shop.example.com/p/shoes?irclickid&utm_source
          https://user:pass@shop.example.com:443/                        | https://shop.example.com/
          http://shop.example.com:8080                                   | http://shop.example.com:8080/
          https://go.example.net/c/9f86d081884c7d65/r                    | https://go.example.net/c/*/r
          https://go.example.net/c/123e4567-e89b-12d3-a456-426614174000  | https://go.example.net/c/*
          https://go.example.net/t/1764979200000                         | https://go.example.net/t/*
          https://go.example.net/p/blue-shoes/4711                       | https://go.example.net/p/blue-shoes/4711
          https://go.example.net/landing-page-for-shoes                  | https://go.example.net/landing-page-for-shoes
          https://go.example.net/c?sub1=&irclickid=1&irclickid=2         | https://go.example.net/c?irclickid&sub1
          """)
  void a_url_keeps_its_host_and_path_and_only_the_names_of_its_query(String url, String shape) {
    assertThat(ChainShape.url(URI.create(url))).isEqualTo(shape);
  }

  @Test
  void each_hop_says_how_it_redirected_and_the_landing_comes_last() {
    ChainShape shape =
        ChainShape.of(
            chain(
                "https://shop.example.com/p/shoes?irclickid=abc",
                "https://track.example.net/c/123?u=x 302 location",
                "https://go.example.net/r?irclickid=abc 200 meta",
                "https://go.example.net/s 200 refresh"),
            Set.of());

    assertThat(shape.describe())
        .isEqualTo(
            "https://track.example.net/c/123?u (302) → https://go.example.net/r?irclickid (meta)"
                + " → https://go.example.net/s (refresh) → https://shop.example.com/p/shoes?irclickid"
                + " (3 hops)");
    assertThat(ChainShape.parse(shape.toString())).isEqualTo(shape);
  }

  @Test
  void two_clicks_with_other_click_ids_have_one_shape() {
    ChainShape first =
        ChainShape.of(
            chain(
                "https://shop.example.com/p/shoes?irclickid=aaa111",
                "https://track.example.net/c/1?irclickid=aaa111 302 location"),
            Set.of());
    ChainShape second =
        ChainShape.of(
            chain(
                "https://shop.example.com/p/shoes?irclickid=bbb222",
                "https://track.example.net/c/1?irclickid=bbb222 302 location"),
            Set.of());

    assertThat(second).isEqualTo(first);
    assertThat(first.describe()).endsWith("(1 hop)");
  }

  @Test
  void a_secret_in_a_path_is_masked() {
    ChainShape shape =
        ChainShape.of(
            chain("https://shop.example.com/", "https://track.example.net/k/hunter 302 location"),
            Set.of("hunter"));

    assertThat(shape.toString()).doesNotContain("hunter").contains("/k/***");
  }

  @Test
  void an_unredirected_check_is_its_landing_alone() {
    ChainShape shape = ChainShape.of(chain("https://api.example.net/v1/status"), Set.of());

    assertThat(shape.describe()).isEqualTo("https://api.example.net/v1/status (0 hops)");
    assertThat(ChainShape.parse(shape.toString())).isEqualTo(shape);
  }
}
