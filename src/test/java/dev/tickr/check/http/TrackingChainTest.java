package dev.tickr.check.http;

import static dev.tickr.check.http.Probe.get;
import static dev.tickr.check.http.Probe.observe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Hop;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tracking link followed hop by hop, and judged with the chain's placeholders: the click id kept
 * or dropped, the landing host and page, meta and header refreshes, loops.
 */
class TrackingChainTest {
  private static final HttpCheck check = Probe.check();
  private static final String PRODUCT =
      "<html><head><title>Blue shoes | Shop</title></head><body>Buy</body></html>";

  private static final List<String> CHAIN_CONDITIONS =
      List.of(
          "[STATUS] == 200",
          "[URL].host == 127.0.0.1",
          "[URL].path == pat(/p/*)",
          "[URL].query.irclickid == pat(*)",
          "[SOFT_404] == none");

  private static HttpTarget chain(URI url) {
    return get(url).withFollowRefresh(true);
  }

  private static CheckResult judge(Observation o) throws ConditionSyntaxException {
    List<Condition> conditions = new ArrayList<>();
    for (String c : CHAIN_CONDITIONS) {
      conditions.add(ConditionParser.parse(c));
    }
    return new Judge(Probe.CLOCK).judge(o, conditions);
  }

  private static Reply html(String page) {
    return Reply.status(200).header("Content-Type", "text/html; charset=utf-8").body(page);
  }

  @Test
  void a_chain_that_keeps_the_click_id_passes_and_records_every_hop() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/click", 302, "/r?irclickid=abc123")
            .redirect("/r", 301, "/p/shoes?irclickid=abc123")
            .route("/p/shoes", request -> html(PRODUCT))) {
      Observation o = observe(check, chain(server.url("/click")));
      CheckResult result = judge(o);

      assertThat(result.success()).as(String.valueOf(result.error())).isTrue();
      assertThat(o.hops())
          .extracting(Hop::status, Hop::via)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(302, Hop.Via.LOCATION),
              org.assertj.core.groups.Tuple.tuple(301, Hop.Via.LOCATION));
      assertThat(actual(o, "[REDIRECTS] == 2")).isEqualTo("2");
      assertThat(actual(o, "[HOP].1.status == 302")).isEqualTo("302");
      assertThat(actual(o, "[HOP].2.url == x")).isEqualTo(server.url("/r?irclickid=abc123") + "");
      assertThat(actual(o, "[HOP].-1.status == 200")).isEqualTo("200");
      assertThat(actual(o, "[URL].query.irclickid == abc123")).isEqualTo("abc123");
    }
  }

  @Test
  void a_dropped_click_id_names_the_hop_that_lost_it() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/click", 302, "/r?irclickid=abc123")
            .redirect("/r", 302, "/p/shoes")
            .route("/p/shoes", request -> html(PRODUCT))) {
      CheckResult result = judge(observe(check, chain(server.url("/click"))));

      assertThat(result.success()).isFalse();
      assertThat(result.reason()).isEqualTo(Reason.CONDITION);
      assertThat(result.error())
          .isEqualTo(
              "condition failed: [URL].query.irclickid == pat(*) (actual no irclickid on the"
                  + " landing URL: dropped at hop 3 ("
                  + server.url("/p/shoes")
                  + "))");
    }
  }

  @Test
  void a_landing_on_another_host_or_the_homepage_is_named() throws Exception {
    try (TestHttpServer server = TestHttpServer.plain()) {
      server
          .route(
              "/click",
              request -> Reply.status(302).header("Location", server.localhostUrl("/") + ""))
          .route("/", request -> html("<html><title>Shop</title></html>"));
      CheckResult result = judge(observe(check, chain(server.url("/click"))));

      assertThat(result.success()).isFalse();
      assertThat(result.conditions())
          .filteredOn(c -> !c.success())
          .extracting(c -> c.condition() + " (actual " + c.actual() + ")")
          .containsExactly(
              "[URL].host == 127.0.0.1 (actual localhost)",
              "[URL].path == pat(/p/*) (actual /)",
              "[URL].query.irclickid == pat(*) (actual no irclickid on the landing URL ("
                  + server.localhostUrl("/")
                  + "))");
    }
  }

  @Test
  void a_soft_404_landing_page_is_named_by_its_title() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/click", 302, "/p/gone?irclickid=abc123")
            .route(
                "/p/gone",
                request ->
                    html("<html><head><title>Page Not Found - Shop</title></head></html>"))) {
      CheckResult result = judge(observe(check, chain(server.url("/click"))));

      assertThat(result.success()).isFalse();
      assertThat(result.reason()).isEqualTo(Reason.BODY_ERROR);
      assertThat(result.error())
          .isEqualTo(
              "condition failed: [SOFT_404] == none (actual title \"Page Not Found - Shop\")");
    }
  }

  @Test
  void a_meta_refresh_is_followed_as_a_hop() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .route(
                "/click",
                request ->
                    html(
                        "<html><head><meta http-equiv=\"Refresh\""
                            + " content=\"0; URL='/p/shoes?irclickid=abc123&amp;sub=1'\">"
                            + "</head></html>"))
            .route("/p/shoes", request -> html(PRODUCT))) {
      Observation o = observe(check, chain(server.url("/click")));

      assertThat(judge(o).success()).isTrue();
      assertThat(o.url()).isEqualTo(server.url("/p/shoes?irclickid=abc123&sub=1"));
      assertThat(o.hops())
          .extracting(Hop::status, Hop::via)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(200, Hop.Via.META));
      assertThat(actual(o, "[HOP].1.via == meta")).isEqualTo("meta");
    }
  }

  @Test
  void a_refresh_header_is_followed_as_a_hop() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .route(
                "/click",
                request -> html("wait").header("Refresh", "1;url=/p/shoes?irclickid=abc123"))
            .route("/p/shoes", request -> html(PRODUCT))) {
      Observation o = observe(check, chain(server.url("/click")));

      assertThat(judge(o).success()).isTrue();
      assertThat(o.hops()).extracting(Hop::via).containsExactly(Hop.Via.REFRESH);
    }
  }

  @Test
  void a_plain_monitor_does_not_follow_refreshes() {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .route(
                "/click",
                request ->
                    html("<meta http-equiv=\"refresh\" content=\"0;url=/p/shoes\">")
                        .header("Refresh", "0;url=/p/shoes"))
            .route("/p/shoes", request -> html(PRODUCT))) {
      Observation o = observe(check, get(server.url("/click")));

      assertThat(o.url()).isEqualTo(server.url("/click"));
      assertThat(o.hops()).isEmpty();
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void a_redirect_loop_through_a_meta_refresh_is_reported_with_its_hops() {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/a", 302, "/b")
            .route("/b", request -> html("<meta http-equiv=\"refresh\" content=\"0;url=/a\">"))) {
      Observation o = observe(check, chain(server.url("/a")));

      dev.tickr.check.Failure failure = java.util.Objects.requireNonNull(o.failure());
      assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
      assertThat(failure.message())
          .isEqualTo(
              "redirect loop: "
                  + server.url("/a")
                  + " → "
                  + server.url("/b")
                  + " → "
                  + server.url("/a"));
    }
  }

  @Test
  void a_landing_on_the_homepage_keeping_the_click_id_fails_on_its_path_alone() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/click", 302, "/?irclickid=abc123")
            .route("/", request -> html("<html><title>Shop</title><h1>Welcome</h1></html>"))) {
      CheckResult result = judge(observe(check, chain(server.url("/click"))));

      assertThat(result.success()).isFalse();
      assertThat(result.reason()).isEqualTo(Reason.CONDITION);
      assertThat(result.error()).isEqualTo("condition failed: [URL].path == pat(/p/*) (actual /)");
    }
  }

  @Test
  void a_meta_refresh_that_drops_the_click_id_is_named_as_the_hop_that_lost_it() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/click", 302, "/r?irclickid=abc123")
            .route(
                "/r", request -> html("<meta http-equiv=\"refresh\" content=\"0;url=/p/shoes\">"))
            .route("/p/shoes", request -> html(PRODUCT))) {
      Observation o = observe(check, chain(server.url("/click")));
      CheckResult result = judge(o);

      assertThat(o.hops()).extracting(Hop::via).containsExactly(Hop.Via.LOCATION, Hop.Via.META);
      assertThat(result.error())
          .isEqualTo(
              "condition failed: [URL].query.irclickid == pat(*) (actual no irclickid on the"
                  + " landing URL: dropped at hop 3 ("
                  + server.url("/p/shoes")
                  + "))");
    }
  }

  @Test
  void a_plain_redirect_loop_is_reported_with_its_hops() {
    try (TestHttpServer server =
        TestHttpServer.plain().redirect("/a", 302, "/b").redirect("/b", 301, "/a")) {
      Observation o = observe(check, chain(server.url("/a")));

      dev.tickr.check.Failure failure = java.util.Objects.requireNonNull(o.failure());
      assertThat(failure.reason()).isEqualTo(Reason.HTTP_STATUS);
      assertThat(failure.message())
          .isEqualTo(
              "redirect loop: "
                  + server.url("/a")
                  + " → "
                  + server.url("/b")
                  + " → "
                  + server.url("/a"));
    }
  }

  @Test
  void a_soft_404_answered_with_a_404_status_names_the_status_and_the_soft_404() throws Exception {
    try (TestHttpServer server =
        TestHttpServer.plain()
            .redirect("/click", 302, "/p/gone?irclickid=abc123")
            .route(
                "/p/gone",
                request ->
                    Reply.status(404)
                        .header("Content-Type", "text/html")
                        .body("<html><h1>Sorry, this page does not exist</h1></html>"))) {
      Observation o = observe(check, chain(server.url("/click")));
      CheckResult result = judge(o);

      assertThat(result.error())
          .isEqualTo("condition failed: [STATUS] == 200 (actual 404) (+1 more)");
      assertThat(result.conditions())
          .filteredOn(c -> !c.success())
          .extracting(c -> c.condition() + " (actual " + c.actual() + ")")
          .containsExactly(
              "[STATUS] == 200 (actual 404)", "[SOFT_404] == none (actual status 404)");
    }
  }

  private static String actual(Observation o, String condition) throws ConditionSyntaxException {
    return new Judge(Probe.CLOCK)
        .judge(o, List.of(ConditionParser.parse(condition)))
        .conditions()
        .get(0)
        .actual();
  }
}
