package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tickr.testing.Browser;
import dev.tickr.testing.TestDnsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tcp} and {@code dns} monitors inside {@code tickr run}, from YAML to what a user reads: a
 * real TCP listener and a real DNS server on loopback, both UP; then the listener goes away and the
 * nameserver falls silent, and each monitor goes DOWN with the reason class and phrase that
 * docs/check-types.md gives, with an incident open in {@code tickr status} and the API.
 */
@Timeout(120) // each wait is bounded; this bounds them together on a slow, shared machine
class NetMonitorsEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(40);

  @TempDir Path dir;

  private final CliRunner cli = new CliRunner();

  /** Accepts on 127.0.0.1 and closes at once, as a database port would be probed. */
  private static final class Listener implements AutoCloseable {
    final ServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread;

    Listener() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!server.isClosed()) {
                      try {
                        server.accept().close();
                        accepted.incrementAndGet();
                      } catch (IOException closed) {
                        // the listener went away
                      }
                    }
                  });
    }

    int port() {
      return server.getLocalPort();
    }

    /** Closes, and waits until the accepting thread has let go of the socket. */
    @Override
    public void close() throws IOException {
      server.close();
      thread.interrupt();
      try {
        if (!thread.join(Duration.ofSeconds(10))) {
          throw new AssertionError("the listener's thread still runs 10 s after its close");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Makes a socket on a port just closed, once the system has released the port (within 10 s). */
  private interface Bind<T> {
    T bind() throws IOException;
  }

  private static <T> T bindWhenFree(Bind<T> bind) throws IOException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return bind.bind();
      } catch (BindException stillInUse) {
        if (System.nanoTime() > until) {
          throw stillInUse;
        }
        try {
          TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /**
   * The two targets. {@link #fail()} takes them away for good: the listener closes and its port is
   * held by a socket that is bound but not listening, so connecting is refused; the nameserver
   * closes and its port is held by a socket that reads nothing, so questions go unanswered. Nothing
   * else can take either port while the test expects those failures.
   */
  private static final class Targets implements AutoCloseable {
    final Listener database = new Listener();
    final TestDnsServer dns = TestDnsServer.start().a("api.example.test", "10.0.0.7");
    private final List<java.io.Closeable> held = new ArrayList<>();

    Targets() throws IOException {}

    void fail() throws IOException {
      int tcpPort = database.port();
      int dnsPort = dns.port();
      database.close();
      dns.close();
      held.add(
          bindWhenFree(
              () -> {
                Socket refusing = new Socket();
                try {
                  refusing.setReuseAddress(true); // the probes' connections linger in TIME_WAIT
                  refusing.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort));
                  return refusing;
                } catch (IOException e) {
                  refusing.close();
                  throw e;
                }
              }));
      held.add(
          bindWhenFree(
              () ->
                  new DatagramSocket(
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), dnsPort))));
    }

    @Override
    public void close() throws IOException {
      database.close();
      dns.close();
      for (java.io.Closeable c : held) {
        c.close();
      }
    }
  }

  private List<JsonNode> status(Path data) {
    CliRunner.Run status = cli.run("status", "--json", "--data", data.toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    List<JsonNode> monitors = new ArrayList<>();
    status.json().path("monitors").forEach(monitors::add);
    return monitors;
  }

  private static JsonNode named(List<JsonNode> monitors, String name) {
    return monitors.stream()
        .filter(m -> m.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no monitor " + name + " in " + monitors));
  }

  /** Waits until {@code tickr status} shows both monitors in {@code state}. */
  private void awaitBoth(Path data, String state) throws InterruptedException {
    try {
      eventually(
          LIMIT,
          () -> {
            List<JsonNode> now = status(data);
            return now.size() == 2
                && now.stream().allMatch(m -> m.path("state").asText().equals(state));
          },
          "both monitors " + state + " in tickr status");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last: " + status(data), e);
    }
  }

  @Test
  void tcp_and_dns_monitors_go_up_then_down_with_their_reasons_when_the_targets_fail()
      throws Exception {
    try (Targets targets = new Targets()) {
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              monitors:
                - name: database
                  type: tcp
                  url: tcp://127.0.0.1:%d
                  interval: 3s
                  timeout: 3s
                - name: api-resolves
                  type: dns
                  host: api.example.test
                  nameserver: %s
                  interval: 3s
                  timeout: 3s
                  conditions:
                    - "[BODY] == 10.0.0.7"
              """
                  .formatted(targets.database.port(), targets.dns.nameserver()));
      Path data = dir.resolve("data");
      try (RunningDaemon tickr = cli.start(config, data);
          Browser api = new Browser(tickr.port())) {
        awaitBoth(data, "UP");
        // the listener counts on its own thread, which may come after the check saw the connect
        AlertingEndToEndTest.eventually(
            Duration.ofSeconds(10),
            () -> targets.database.accepted.get() > 0,
            "the listener to count the tcp monitor's connection");
        assertThat(targets.dns.questions()).isPositive();
        assertThat(status(data)).allSatisfy(m -> assertThat(m.path("incident").isNull()).isTrue());

        targets.fail();
        awaitBoth(data, "DOWN");

        List<JsonNode> down = status(data);
        JsonNode tcpIncident = named(down, "database").path("incident");
        JsonNode dnsIncident = named(down, "api-resolves").path("incident");
        assertThat(tcpIncident.path("reason").asText()).isEqualTo("connect");
        assertThat(dnsIncident.path("reason").asText()).isEqualTo("timeout");

        CliRunner.Run table = cli.run("status", "--data", data.toString());
        assertThat(table.out())
            .containsPattern("database +DOWN .*#" + tcpIncident.path("id").asLong() + " connect: ")
            .containsPattern(
                "api-resolves +DOWN .*#" + dnsIncident.path("id").asLong() + " timeout: ");

        String token = cli.token(data, "net-test", "viewer");
        String[] bearer = {"Authorization", "Bearer " + token};
        JsonNode tcpOpen =
            AlertingEndToEndTest.JSON.readTree(
                api.get("/api/v1/incidents/" + tcpIncident.path("id").asLong(), bearer).body());
        assertThat(tcpOpen.path("monitor").asText()).isEqualTo("database");
        assertThat(tcpOpen.path("ended_at").isNull()).isTrue();
        assertThat(tcpOpen.path("reason").asText()).isEqualTo("connect");
        assertThat(tcpOpen.path("detail").asText()).contains("connection refused");
        JsonNode dnsOpen =
            AlertingEndToEndTest.JSON.readTree(
                api.get("/api/v1/incidents/" + dnsIncident.path("id").asLong(), bearer).body());
        assertThat(dnsOpen.path("monitor").asText()).isEqualTo("api-resolves");
        assertThat(dnsOpen.path("reason").asText()).isEqualTo("timeout");
        assertThat(dnsOpen.path("detail").asText())
            .contains("timeout after 3s while resolving DNS");

        CliRunner.Run done = tickr.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
      }
    }
  }
}
