package dev.tickr.alert.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Delivery.Outcome;
import dev.tickr.testing.MisbehavingServer;
import dev.tickr.testing.Ports;
import dev.tickr.testing.Reply;
import dev.tickr.testing.TestHttpServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDeliveryTest {
  private final Channels channels = new Channels();
  private final HttpDelivery http =
      new HttpDelivery(
          channels.context, Duration.ofMillis(800), new SecretMask(List.of("s3cret-token")));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "200, SENT",
    "202, SENT",
    "204, SENT",
    "301, FAILED",
    "400, FAILED",
    "401, FAILED",
    "403, FAILED",
    "404, FAILED",
    "410, FAILED",
    "408, RETRY",
    "425, RETRY",
    "429, RETRY",
    "500, RETRY",
    "502, RETRY",
    "503, RETRY"
  })
  void maps_each_status_to_an_outcome(int status, Outcome outcome) {
    try (var server = TestHttpServer.plain().text("/hook", status, "answer " + status)) {
      Delivery delivery = http.send(post(server.url("/hook").toString()));

      assertThat(delivery.outcome()).isEqualTo(outcome);
      assertThat(delivery.httpStatus()).isEqualTo(status);
      assertThat(delivery.answer()).isEqualTo(status == 204 ? "(empty)" : "answer " + status);
    }
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "120|PT2M",
        "0|PT0S",
        "Sun, 01 Mar 2026 10:21:30 GMT|PT1M30S",
        "Sun, 01 Mar 2026 10:00:00 GMT|PT0S",
        "soon|",
        "-5|",
        "'  '|"
      })
  void reads_retry_after_as_seconds_or_an_http_date(String header, Duration expected) {
    assertThat(HttpDelivery.retryAfter(header, Channels.NOW)).isEqualTo(expected);
  }

  @Test
  void a_429_carries_the_providers_retry_after() {
    try (var server =
        TestHttpServer.plain()
            .route("/hook", r -> Reply.status(429).header("Retry-After", "7").text("slow down"))) {
      Delivery delivery = http.send(post(server.url("/hook").toString()));

      assertThat(delivery)
          .isEqualTo(new Delivery(Outcome.RETRY, 429, "slow down", Duration.ofSeconds(7)));
    }
  }

  @Test
  void a_rejection_carries_no_retry_after() {
    try (var server =
        TestHttpServer.plain()
            .route("/hook", r -> Reply.status(400).header("Retry-After", "7").text("bad"))) {
      assertThat(http.send(post(server.url("/hook").toString())).retryAfter()).isNull();
    }
  }

  @Test
  void a_closed_port_is_worth_a_retry() {
    Delivery delivery = http.send(post(Ports.closedUrl("/hook").toString()));

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.httpStatus()).isNull();
    assertThat(delivery.answer()).isEqualTo("connection refused");
  }

  @Test
  void a_provider_that_never_answers_is_a_timeout_worth_a_retry() {
    try (var server = MisbehavingServer.acceptsAndNeverAnswers()) {
      long start = System.nanoTime();
      Delivery delivery = http.send(post(server.url("/hook").toString()));

      assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
      assertThat(delivery.answer()).isEqualTo("timeout after 800ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void secrets_in_the_answer_are_masked_and_long_answers_cut() {
    String echo = "bad token s3cret-token\n\n" + "x".repeat(1000);
    try (var server = TestHttpServer.plain().text("/hook", 401, echo)) {
      Delivery delivery = http.send(post(server.url("/hook").toString()));

      assertThat(delivery.answer())
          .startsWith("bad token *** xxx")
          .doesNotContain("s3cret-token")
          .hasSize(HttpDelivery.ANSWER_CHARS)
          .endsWith("…");
      assertThat(delivery.toString()).doesNotContain("s3cret-token");
    }
  }

  @Test
  void sends_its_user_agent() {
    try (var server = TestHttpServer.plain().text("/hook", 200, "ok")) {
      http.send(post(server.url("/hook").toString()));

      assertThat(server.requests().get(0).header("User-Agent")).isEqualTo("Tickr/test");
    }
  }

  @Test
  void no_header_is_no_retry_after() {
    assertThat(HttpDelivery.retryAfter(null, Instant.EPOCH)).isNull();
  }

  private static Request post(String url) {
    return new Request.Builder().url(url).post(RequestBody.create(new byte[0], Json.TYPE)).build();
  }
}
