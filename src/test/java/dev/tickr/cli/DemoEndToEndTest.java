package dev.tickr.cli;

import static dev.tickr.cli.AlertingEndToEndTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickr demo} as a new user runs it, headless and 30 times faster (monitors every second,
 * the script played once): every scripted incident is alerted, between its start and the next
 * one's, with the scripted reason; the dashboard shows the simulated network's monitors to the
 * admin whose password the demo printed; the temporary directory is gone afterwards; and no byte
 * went to or came from an address outside loopback.
 */
class DemoEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STEP =
      Pattern.compile("▶ incident (\\d+)/(\\d+): .* \\(expect ([a-z-]+) on ([a-z-]+)\\)");
  private static final Pattern PASSWORD =
      Pattern.compile("Created user admin with password (\\S+)");
  private static final Pattern DIRECTORY =
      Pattern.compile("config and data in (\\S+) \\(removed on exit\\)");
  private static final Pattern NETWORK = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+);");

  @TempDir Path dir;

  /**
   * How the test knows the demo stayed on loopback: a JFR recording of every socket read and write
   * of this JVM ({@code jdk.SocketRead} and {@code jdk.SocketWrite} with no threshold). Since JDK
   * 22 these events cover {@code java.net} sockets and NIO socket channels, blocking or not (the
   * JDK's HTTP client, Jetty), so any connection that carried a byte is in the recording with its
   * remote address; every one must be a loopback address (tests that run beside this one talk to
   * loopback only too, by the project's rule). JDK 25 has no event for a connect that carried
   * nothing, so the test also reads the demo's config: every URL in it is a 127.0.0.1 literal, with
   * no name to resolve (no DNS query either).
   */
  @Test
  @Timeout(value = 100, unit = TimeUnit.SECONDS)
  void plays_every_incident_with_its_alert_on_loopback_only() throws Exception {
    Path jfr = dir.resolve("sockets.jfr");
    String output;
    Path demoDir;
    int networkPort;
    try (Recording recording = new Recording()) {
      recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withoutStackTrace();
      recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withoutStackTrace();
      recording.start();
      CliRunner cli = new CliRunner();
      try (RunningDaemon demo =
          RunningDaemon.start(cli, "demo", "--speed", "30", "--once", "--listen", "0")) {
        output = demo.output();
        demoDir = Path.of(group(DIRECTORY, output));
        networkPort = Integer.parseInt(group(NETWORK, output));
        String config = Files.readString(demoDir.resolve("tickr.yml"));
        Matcher url = Pattern.compile("https?://([^/:\"\\s]+)").matcher(config);
        while (url.find()) {
          assertThat(url.group(1)).as("a host in the demo's config").isEqualTo("127.0.0.1");
        }

        try (Browser admin = new Browser(demo.port())) {
          assertThat(admin.login("admin", group(PASSWORD, output)).statusCode()).isLessThan(400);
          String dashboard = admin.get("/").body();
          assertThat(dashboard)
              .contains(
                  "impact-actions",
                  "rakuten-transactions",
                  "shareasale-ledger",
                  "tracker-click",
                  "tracker-pixel",
                  "tracker-postback",
                  "tracker-api");
        }

        eventually(
            Duration.ofSeconds(80),
            () -> demo.output().contains("Script done:") || !demo.isRunning(),
            "the script to play once");
        output = demo.output();
        CliRunner.Run stopped = demo.stop();
        assertThat(stopped.exitCode()).as(stopped.all()).isZero();
      }
      recording.stop();
      recording.dump(jfr);
    }

    List<String[]> steps = new ArrayList<>();
    Matcher step = STEP.matcher(output);
    while (step.find()) {
      steps.add(new String[] {step.group(3), step.group(4), String.valueOf(step.start())});
    }
    // Every reason the issue names: an outage, an error inside a 200, revoked credentials (Basic
    // and OAuth2), an IP not allowed, a 429 with Retry-After, a stale report, a synthetic
    // conversion
    // taken but never reported, and one recorded at the wrong amount, a hang.
    assertThat(steps.stream().map(s -> s[0]))
        .as(output)
        .containsExactly(
            "http-status",
            "body-error",
            "auth-rejected",
            "ip-not-allowed",
            "rate-limited",
            "auth-rejected",
            "stale-data",
            "http-status",
            "body-error",
            "timeout");
    for (int i = 0; i < steps.size(); i++) {
      int from = Integer.parseInt(steps.get(i)[2]);
      int to = i + 1 < steps.size() ? Integer.parseInt(steps.get(i + 1)[2]) : output.length();
      String reason = steps.get(i)[0];
      String monitor = steps.get(i)[1];
      assertThat(alerts(output.substring(from, to)))
          .as("incident %d: %s alerted %s\n%s", i + 1, monitor, reason, output)
          .anyMatch(
              a ->
                  a.at("/monitor/name").asText().equals(monitor)
                      && Set.of("down", "degraded").contains(a.path("event").asText())
                      && a.at("/incident/reason").asText().equals(reason));
    }
    assertThat(output)
        .contains(
            "Script done: %d of %d incidents alerted with the scripted reason."
                .formatted(steps.size(), steps.size()));
    assertThat(demoDir).as("the demo's temporary directory").doesNotExist();

    Set<String> remote = new TreeSet<>();
    Set<Integer> ports = new TreeSet<>();
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      if (!Set.of("jdk.SocketRead", "jdk.SocketWrite").contains(e.getEventType().getName())) {
        continue; // JFR's own bookkeeping (the recording's settings), or another recording's
      }
      String address = e.getString("address");
      remote.add(address);
      if (loopback(address)) {
        ports.add(e.getInt("port"));
      }
    }
    assertThat(ports).as("the recording saw the simulated network").contains(networkPort);
    assertThat(remote).as("remote addresses read from or written to").allMatch(this::loopback);
  }

  private boolean loopback(String address) {
    // JFR records the numeric address; only a literal is looked at, so no name is resolved here.
    if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The alerts as sent, from the receiver's {@code webhook body:} lines. */
  private static List<JsonNode> alerts(String text) {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.lines().toList()) {
      int at = line.indexOf("webhook body: ");
      if (at >= 0) {
        try {
          out.add(JSON.readTree(line.substring(at + "webhook body: ".length())));
        } catch (IOException e) {
          throw new UncheckedIOException(line, e);
        }
      }
    }
    return out;
  }

  private static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in:\n%s", p, text).isTrue();
    return m.group(1);
  }
}
