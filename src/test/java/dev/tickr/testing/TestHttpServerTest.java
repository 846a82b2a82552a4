package dev.tickr.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TestHttpServerTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterAll
  static void stopClient() {
    CLIENT.shutdownNow();
  }

  @Test
  void json_route_answers_with_its_status_content_type_and_body() throws Exception {
    try (var server = TestHttpServer.plain().json("/health", 503, "{\"ok\":false}")) {
      HttpResponse<String> answer = get(server.url("/health"));

      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(answer.body()).isEqualTo("{\"ok\":false}");
    }
  }

  @Test
  void records_method_target_headers_and_body_of_every_request() throws Exception {
    try (var server = TestHttpServer.plain().text("/hook", 202, "queued")) {
      CLIENT.send(
          HttpRequest.newBuilder(server.url("/hook?attempt=1"))
              .header("X-Signature", "abc")
              .POST(BodyPublishers.ofString("{\"event\":\"down\"}"))
              .build(),
          BodyHandlers.ofString());
      get(server.url("/elsewhere"));

      List<RecordedRequest> requests = server.requests();
      assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "GET");
      RecordedRequest hook = requests.get(0);
      assertThat(hook.target()).isEqualTo("/hook?attempt=1");
      assertThat(hook.path()).isEqualTo("/hook");
      assertThat(hook.header("x-signature")).isEqualTo("abc");
      assertThat(hook.header("X-Missing")).isNull();
      assertThat(hook.body()).isEqualTo("{\"event\":\"down\"}");
    }
  }

  @Test
  void redirect_route_sends_its_status_and_location() throws Exception {
    try (var server = TestHttpServer.plain().redirect("/old", 301, "/new")) {
      HttpResponse<String> answer = get(server.url("/old"));

      assertThat(answer.statusCode()).isEqualTo(301);
      assertThat(answer.headers().firstValue("location")).hasValue("/new");
    }
  }

  @Test
  void bytes_route_sends_exactly_the_requested_number_of_bytes() throws Exception {
    try (var server =
        TestHttpServer.plain().bytes("/big", 200, 100_000).bytes("/raw", 200, new byte[] {1, 2})) {
      HttpResponse<byte[]> big =
          CLIENT.send(request(server.url("/big")), BodyHandlers.ofByteArray());
      HttpResponse<byte[]> raw =
          CLIENT.send(request(server.url("/raw")), BodyHandlers.ofByteArray());

      assertThat(big.body())
          .hasSize(100_000)
          .startsWith("abcdefghijklmnopqrstuvwxyza".getBytes(UTF_8));
      assertThat(raw.body()).containsExactly(1, 2);
    }
  }

  @Test
  void unknown_paths_get_404_and_failing_handlers_get_500() throws Exception {
    try (var server =
        TestHttpServer.plain()
            .route(
                "/boom",
                request -> {
                  throw new IllegalStateException("kaput");
                })) {
      assertThat(get(server.url("/missing")).statusCode()).isEqualTo(404);
      HttpResponse<String> boom = get(server.url("boom"));
      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(boom.body()).contains("kaput");
    }
  }

  @Test
  void handlers_compose_replies_from_the_request() throws Exception {
    try (var server =
        TestHttpServer.plain()
            .route(
                "/echo",
                request ->
                    Reply.status(418).header("X-Got", request.method()).text(request.target()))) {
      HttpResponse<String> answer = get(server.url("/echo?q=1"));

      assertThat(answer.statusCode()).isEqualTo(418);
      assertThat(answer.headers().firstValue("x-got")).hasValue("GET");
      assertThat(answer.body()).isEqualTo("/echo?q=1");
    }
  }

  @Test
  void localhost_url_reaches_the_same_server_with_host_localhost() throws Exception {
    try (var server = TestHttpServer.plain().text("/", 200, "hi")) {
      assertThat(server.localhostUrl("/").toString())
          .isEqualTo("http://localhost:" + server.port() + "/");
      assertThat(get(server.localhostUrl("/")).body()).isEqualTo("hi");
      assertThat(server.requests().get(0).header("Host")).isEqualTo("localhost:" + server.port());
    }
  }

  @Test
  void await_requests_returns_once_background_requests_arrive() {
    try (var server = TestHttpServer.plain().text("/ping", 200, "pong")) {
      var first = CLIENT.sendAsync(request(server.url("/ping")), BodyHandlers.ofString());
      var second = CLIENT.sendAsync(request(server.url("/ping")), BodyHandlers.ofString());

      assertThat(server.awaitRequests(2, Duration.ofSeconds(5))).hasSize(2);
      assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(Duration.ofSeconds(5));
      assertThatThrownBy(() -> server.awaitRequests(3, Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("expected 3 requests");
    }
  }

  @Test
  void delayed_reply_arrives_no_sooner_than_its_delay() throws Exception {
    try (var server =
        TestHttpServer.plain()
            .route("/slow", r -> Reply.status(200).after(Duration.ofMillis(300)))) {
      long start = System.nanoTime();
      assertThat(get(server.url("/slow")).statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void close_returns_promptly_while_a_client_waits_for_a_delayed_reply() {
    var server =
        TestHttpServer.plain().route("/stuck", r -> Reply.status(200).after(Duration.ofMinutes(5)));
    CompletableFuture<HttpResponse<String>> pending =
        CLIENT.sendAsync(request(server.url("/stuck")), BodyHandlers.ofString());
    server.awaitRequests(1, Duration.ofSeconds(5));

    long start = System.nanoTime();
    server.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IOException.class);
  }

  private static HttpRequest request(URI url) {
    return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
  }

  private static HttpResponse<String> get(URI url) throws Exception {
    return CLIENT.send(request(url), BodyHandlers.ofString());
  }
}
