package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.config.ConfigSchema;
import dev.tickr.testing.Browser;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.types.LineType;
import dev.tickr.types.MonitorTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor type written in test code only ({@link LineType}: one class, and one line that
 * registers it) works everywhere a built-in type does: {@code tickr validate} reports a bad value
 * of its own key at {@code file:line:col}, {@code tickr run} probes it and records its results,
 * incidents open and close, the API shows the monitor with its secret key masked, and the JSON
 * Schema and the OpenAPI document describe it.
 */
@Timeout(120)
class CustomTypeEndToEndTest {
  private static final Duration LIMIT = Duration.ofSeconds(40);
  private static final String PASSPHRASE = "open-sesame-7f3a9c";

  @TempDir Path dir;

  private final CliRunner cli = new CliRunner().withTypes(new LineType());

  /** Answers each line with OK when it is the passphrase and the server is healthy, else NO. */
  private static final class LineServer implements AutoCloseable {
    final ServerSocket server;
    final AtomicBoolean healthy = new AtomicBoolean(true);
    final AtomicInteger asked = new AtomicInteger();
    private final Thread thread;

    LineServer() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread = Thread.ofVirtual().start(this::serve);
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          String line =
              new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                  .readLine();
          asked.incrementAndGet();
          boolean ok = healthy.get() && PASSPHRASE.equals(line);
          OutputStream out = s.getOutputStream();
          out.write((ok ? "OK\n" : "NO\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        } catch (IOException closedOrBroken) {
          // the next connection, or the end
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void validate_names_the_place_of_a_bad_value_of_the_types_own_key() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("tickr.yml"),
            """
            monitors:
              - name: door
                type: line
                address: no-port-here
            """);

    CliRunner.Run run = cli.run("validate", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.all())
        .contains(
            config + ":4:14: address must be HOST:PORT like 127.0.0.1:7000, got \"no-port-here\"");
    assertThat(new CliRunner().run("validate", "-c", config.toString()).all())
        .as("without the type registered, the same file names an unknown type")
        .contains("unknown monitor type \"line\"");
  }

  @Test
  void the_daemon_probes_it_records_results_opens_and_closes_incidents_and_masks_its_secret()
      throws Exception {
    try (LineServer server = new LineServer()) {
      Path config =
          Files.writeString(
              dir.resolve("tickr.yml"),
              """
              monitors:
                - name: door
                  type: line
                  address: 127.0.0.1:%d
                  passphrase: %s
                  interval: 2s
                  timeout: 2s
                  failure-threshold: 1
                  conditions:
                    - "[BODY] == OK"
              """
                  .formatted(server.server.getLocalPort(), PASSPHRASE));
      Path data = dir.resolve("data");
      try (RunningDaemon tickr = cli.start(config, data);
          Browser api = new Browser(tickr.port())) {
        awaitState(data, "UP");
        assertThat(server.asked.get()).isPositive();

        String token = cli.token(data, "custom-type", "admin");
        String[] bearer = {"Authorization", "Bearer " + token};
        String monitorText = api.get("/api/v1/monitors/door", bearer).body();
        JsonNode monitor = AlertingEndToEndTest.JSON.readTree(monitorText);
        assertThat(monitor.path("type").asText()).isEqualTo("line");
        assertThat(monitor.path("address").asText())
            .isEqualTo("127.0.0.1:" + server.server.getLocalPort());
        assertThat(monitor.path("passphrase").asText()).isEqualTo("***");
        assertThat(monitorText).doesNotContain(PASSPHRASE);
        JsonNode results =
            AlertingEndToEndTest.JSON.readTree(
                api.get("/api/v1/monitors/door/results", bearer).body());
        assertThat(results.path("results").size()).isPositive();

        server.healthy.set(false);
        awaitState(data, "DOWN");
        long incident = stateOf(data).path("incident").path("id").asLong();
        JsonNode open =
            AlertingEndToEndTest.JSON.readTree(
                api.get("/api/v1/incidents/" + incident, bearer).body());
        assertThat(open.path("monitor").asText()).isEqualTo("door");
        assertThat(open.path("reason").asText()).isEqualTo("body-error");
        assertThat(open.path("ended_at").isNull()).isTrue();
        assertThat(open.toString()).doesNotContain(PASSPHRASE);

        server.healthy.set(true);
        awaitState(data, "UP");
        JsonNode closed =
            AlertingEndToEndTest.JSON.readTree(
                api.get("/api/v1/incidents/" + incident, bearer).body());
        assertThat(closed.path("ended_at").isNull()).isFalse();

        JsonNode openApi =
            AlertingEndToEndTest.JSON.readTree(api.get("/api/v1/openapi.json", bearer).body());
        JsonNode settings = openApi.at("/components/schemas/MonitorSettings/properties");
        assertThat(settings.at("/type/enum").toString()).contains("\"line\"");
        assertThat(settings.has("address")).isTrue();
        assertThat(settings.at("/passphrase/anyOf").toString()).contains("\"***\"");

        CliRunner.Run done = tickr.stop();
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.all()).doesNotContain(PASSPHRASE);
      }
    }
  }

  @Test
  void the_config_schema_describes_it() {
    List<dev.tickr.config.TypeDefinition> all = new ArrayList<>(BuiltInTypes.types().all());
    all.add(new LineType());

    ObjectNode schema = ConfigSchema.of(new MonitorTypes(all).definitions());

    JsonNode monitor = schema.at("/$defs/monitor");
    assertThat(monitor.at("/properties/type/enum").toString()).contains("\"line\"");
    assertThat(monitor.at("/properties/address/description").asText())
        .isEqualTo("line (required): HOST:PORT of the line server.");
    assertThat(monitor.at("/properties/passphrase").isObject()).isTrue();
    assertThat(monitor.at("/allOf").toString()).contains("\"line\"").contains("\"address\"");
    assertThat(schema.at("/$defs/defaults/properties/passphrase").isObject()).isTrue();
    assertThat(schema.at("/$defs/defaults/properties/address").isMissingNode()).isTrue();
  }

  private JsonNode stateOf(Path data) {
    CliRunner.Run status = cli.run("status", "--json", "--data", data.toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    for (JsonNode m : status.json().path("monitors")) {
      if (m.path("name").asText().equals("door")) {
        return m;
      }
    }
    throw new AssertionError("no monitor door in " + status.out());
  }

  private void awaitState(Path data, String state) throws InterruptedException {
    eventually(LIMIT, () -> stateOf(data).path("state").asText().equals(state), "door " + state);
  }
}
