package dev.tickr.types;

import dev.tickr.check.Body;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Headers;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.check.Timings;
import dev.tickr.config.Fields;
import dev.tickr.config.Fingerprint;
import dev.tickr.config.Key;
import dev.tickr.config.Node;
import dev.tickr.config.Read;
import dev.tickr.config.TypeSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A monitor type defined in test code only, to show that a new type is one class and one line of
 * registration: {@code type: line} sends its {@code passphrase} (a secret) as one line to {@code
 * address} and reads one line back as the body, which conditions judge.
 */
public final class LineType implements MonitorType {
  private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.-]+):(\\d{1,5})");

  private static final List<Key> KEYS =
      List.of(
          Key.of("address", Key.Kind.TEXT, "HOST:PORT of the line server.").ownOnly().needed(),
          Key.of("passphrase", Key.Kind.TEXT, "the line sent first.").secretValue());

  /** What a line monitor sends, and where. */
  public record Settings(String host, int port, String passphrase) implements TypeSettings {
    @Override
    public String describe() {
      return "line://" + host + ":" + port;
    }

    @Override
    public void fingerprint(Fingerprint f) {
      f.add(host).add(port).add(passphrase);
    }

    @Override
    public Map<String, Object> document() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("address", host + ":" + port);
      out.put("passphrase", passphrase);
      return out;
    }

    @Override
    public Set<String> secretValues() {
      return passphrase.isEmpty() ? Set.of() : Set.of(passphrase);
    }

    @Override
    public String toString() {
      return "Line[" + describe() + ", passphrase=***]";
    }
  }

  @Override
  public String name() {
    return "line";
  }

  @Override
  public String summary() {
    return "one line asked of a line server";
  }

  @Override
  public List<Key> keys() {
    return KEYS;
  }

  @Override
  public @Nullable TypeSettings read(Fields fields, Read read, String label) {
    Node address = fields.get("address");
    if (address == null) {
      read.problem(fields.at(), label + " has no \"address\"");
      return null;
    }
    String text = read.nonEmptyText(address, "address");
    if (text == null) {
      return null;
    }
    Matcher m = ADDRESS.matcher(text.strip());
    if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
      read.problem(
          address.at(),
          "address must be HOST:PORT like 127.0.0.1:7000, got " + Node.describe(address));
      return null;
    }
    Node passphrase = fields.get("passphrase");
    String secret = passphrase == null ? "" : read.text(passphrase, "passphrase");
    return secret == null ? null : new Settings(m.group(1), Integer.parseInt(m.group(2)), secret);
  }

  @Override
  public Observation observe(TypeSettings settings, Deadline deadline) {
    Settings s = (Settings) settings;
    long start = System.nanoTime();
    URI url = URI.create(s.describe());
    try (Socket socket = new Socket()) {
      int millis = (int) Math.max(1, deadline.remainingMillisRoundedUp());
      socket.connect(new InetSocketAddress(s.host(), s.port()), millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write((s.passphrase() + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String line =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      byte[] body = (line == null ? "" : line).getBytes(StandardCharsets.UTF_8);
      return observation(
          url, true, new Body(body, false, "text/plain", StandardCharsets.UTF_8), start, null);
    } catch (IOException e) {
      return observation(
          url,
          false,
          Body.EMPTY,
          start,
          new Failure(Reason.CONNECT, String.valueOf(e.getMessage())));
    }
  }

  private static Observation observation(
      URI url, boolean connected, Body body, long start, @Nullable Failure failure) {
    return new Observation(
        url,
        connected,
        null,
        null,
        null,
        Headers.NONE,
        body,
        Timings.totalOnly(Duration.ofNanos(System.nanoTime() - start)),
        null,
        null,
        List.of(),
        failure);
  }
}
