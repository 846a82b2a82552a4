package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.TestHttpServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting, in end-to-end tests, for the state in which a running daemon will send nothing more: the
 * negative checks ("exactly one", "none to that channel") are asserted then, not after a sleep.
 */
final class Deliveries {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long receivers must take nothing, once nothing is pending, before "no more" holds. */
  static final Duration QUIET = Duration.ofSeconds(1);

  /** How long a daemon may take to send what it has. */
  static final Duration LIMIT = Duration.ofSeconds(30);

  private Deliveries() {}

  /** Notifications waiting in the outbox, over every channel, as the daemon's API says. */
  static int pending(RunningDaemon tickr, String bearer) throws IOException, InterruptedException {
    HttpResponse<String> answer;
    try (HttpClient client = HttpClient.newHttpClient()) {
      answer =
          client.send(
              HttpRequest.newBuilder(tickr.uri("/api/v1/channels"))
                  .header("Authorization", "Bearer " + bearer)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode channels = JSON.readTree(answer.body()).path("channels");
    int pending = 0;
    for (JsonNode c : channels) {
      assertThat(c.path("pending").isInt()).as(c.toString()).isTrue();
      pending += c.path("pending").asInt();
    }
    return pending;
  }

  /**
   * Waits until the daemon says no notification waits in any channel's outbox, and {@code
   * receivers} then take nothing for {@link #QUIET} (a send in flight); fails after {@link #LIMIT}.
   * Alerts held for a group window are not in the outbox yet: a caller first makes sure, from what
   * arrived, that every alert decided so far went out.
   *
   * @param bearer an API token of the daemon (a viewer's will do)
   */
  static void settled(RunningDaemon tickr, String bearer, TestHttpServer receivers)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    int seen = receivers.requests().size();
    long quietSince = System.nanoTime();
    while (true) {
      int pending = pending(tickr, bearer);
      int received = receivers.requests().size();
      if (pending != 0 || received != seen) {
        seen = received;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "still sending after "
                + LIMIT
                + ": "
                + pending
                + " pending, "
                + received
                + " requests received");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
