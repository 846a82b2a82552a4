package dev.tickr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void connecting_to_a_closed_port_is_refused() {
    int port = Ports.closed();

    assertThat(port).isPositive();
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("Connection refused");
  }

  @Test
  void nothing_else_can_take_a_closed_port_while_the_tests_run() {
    int port = Ports.closed();

    assertThatThrownBy(() -> new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close())
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void http_client_sees_a_connect_exception_on_a_closed_url() {
    try (HttpClient client = HttpClient.newHttpClient()) {
      var request =
          HttpRequest.newBuilder(Ports.closedUrl("/health")).timeout(Duration.ofSeconds(5)).build();

      assertThatThrownBy(() -> client.send(request, BodyHandlers.ofString()))
          .isInstanceOf(ConnectException.class);
    }
  }
}
