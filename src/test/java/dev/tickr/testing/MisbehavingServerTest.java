package dev.tickr.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.testing.MisbehavingServer.Behaviour;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MisbehavingServerTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration SHORT = Duration.ofMillis(300);

  @AfterAll
  static void stopClient() {
    CLIENT.shutdownNow();
  }

  @Test
  void never_answering_server_makes_a_client_with_a_300ms_timeout_time_out() {
    try (var server = MisbehavingServer.acceptsAndNeverAnswers()) {
      assertThatThrownBy(() -> get(server.url("/"), SHORT))
          .isInstanceOf(HttpTimeoutException.class);
    }
  }

  @Test
  void trickled_headers_never_complete_so_a_300ms_client_times_out() throws Exception {
    try (var server = MisbehavingServer.trickleHeaders();
        Socket socket = send(server.port())) {
      InputStream in = socket.getInputStream();
      assertThat(readAscii(in, 1)).isEqualTo("H");
      long start = System.nanoTime();
      assertThat(readAscii(in, 2)).isEqualTo("TT");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));

      assertThatThrownBy(() -> get(server.url("/"), SHORT))
          .isInstanceOf(HttpTimeoutException.class);
    }
  }

  @Test
  void trickled_body_follows_a_complete_head_one_byte_at_a_time() throws Exception {
    try (var server = MisbehavingServer.tricklesBodyForever();
        Socket socket = send(server.port())) {
      InputStream in = socket.getInputStream();
      assertThat(readHead(in))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("Content-Length: 100000000");

      assertThat(readAscii(in, 1)).isEqualTo("a");
      long start = System.nanoTime();
      assertThat(readAscii(in, 2)).isEqualTo("aa");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void resetting_server_makes_the_client_see_a_connection_reset() throws Exception {
    try (var server = MisbehavingServer.resetsConnection();
        Socket socket = send(server.port())) {
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("Connection reset");
      assertThatThrownBy(() -> get(server.url("/"), Duration.ofSeconds(5)))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void closing_server_makes_the_client_see_end_of_stream_without_an_answer() throws Exception {
    try (var server = MisbehavingServer.closesWithoutAnswer();
        Socket socket = send(server.port())) {
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThatThrownBy(() -> get(server.url("/"), Duration.ofSeconds(5)))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(HttpTimeoutException.class);
    }
  }

  @Test
  void malformed_server_answers_garbage_then_ends_the_stream() throws Exception {
    try (var server = MisbehavingServer.malformedResponse();
        Socket socket = send(server.port())) {
      assertThat(new String(socket.getInputStream().readAllBytes(), US_ASCII))
          .isEqualTo("THIS IS NOT HTTP\r\n\r\n");
      assertThatThrownBy(() -> get(server.url("/"), Duration.ofSeconds(5)))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(HttpTimeoutException.class);
    }
  }

  @Test
  void counts_every_accepted_connection() throws Exception {
    try (var server = MisbehavingServer.closesWithoutAnswer()) {
      for (int i = 0; i < 3; i++) {
        try (Socket socket = send(server.port())) {
          assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
      }
      assertThat(server.acceptedConnections()).isEqualTo(3);
      assertThat(server.url("x")).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/x"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Behaviour.class,
      names = {"NEVER_ANSWERS", "TRICKLES_BODY", "TRICKLES_HEADERS"})
  void close_returns_promptly_while_a_client_is_stuck(Behaviour behaviour) {
    var server = MisbehavingServer.start(behaviour);
    CompletableFuture<HttpResponse<String>> stuck =
        CLIENT.sendAsync(HttpRequest.newBuilder(server.url("/")).build(), BodyHandlers.ofString());
    server.awaitConnections(1, Duration.ofSeconds(5));

    long start = System.nanoTime();
    server.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(stuck).failsWithin(Duration.ofSeconds(5));
  }

  private static HttpResponse<String> get(URI url, Duration timeout) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(url).timeout(timeout).build(), BodyHandlers.ofString());
  }

  /** Connects with a raw socket and sends a minimal GET; reads time out after five seconds. */
  private static Socket send(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(5_000);
    socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n") && head.length() < 4096) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static String readAscii(InputStream in, int count) throws IOException {
    return new String(in.readNBytes(count), US_ASCII);
  }
}
