package dev.tickr.simulator.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's {@code tickr.yml}, as text for the user to read: a {@code preset:} monitor per
 * simulated platform with its {@code base-url} at the simulator, {@code http} monitors of the
 * tracker's redirect, pixel, postback and API, and a webhook channel to the {@link AlertReceiver}.
 */
public final class DemoConfig {
  /**
   * A monitor of a platform preset.
   *
   * @param name the monitor's name
   * @param preset the preset
   * @param endpoint the preset's endpoint watched, its first (the default)
   * @param keys the preset's keys for the simulated account, {@code base-url} included
   */
  public record PresetMonitor(
      String name, String preset, String endpoint, Map<String, String> keys) {}

  /** How long the demo's tracker takes to show a conversion in its report. */
  public static final Duration ATTRIBUTION_DELAY = Duration.ofSeconds(2);

  /** The least interval of the synthetic conversion: its run polls for up to 6 seconds. */
  private static final Duration SYNTHETIC_INTERVAL = Duration.ofSeconds(10);

  private DemoConfig() {}

  /**
   * The config text.
   *
   * @param tracker where the tracker is served, {@code http://127.0.0.1:PORT/tracker}
   * @param trackerToken the bearer token of the tracker's API
   * @param receiver the webhook receiver's URL
   */
  public static String yaml(
      Pace pace,
      List<PresetMonitor> presets,
      String tracker,
      String trackerToken,
      String receiver,
      int port) {
    StringBuilder y = new StringBuilder();
    y.append(
        """
        # tickr demo: the monitors of a simulated affiliate network on 127.0.0.1, written here for
        # you to read. Copy a monitor into your own tickr.yml and give it your real keys: a preset's
        # base-url defaults to the platform's real API.
        defaults:
          interval: %s
          timeout: %s
          failure-threshold: %d
          retry-after-max: %s
          # The demo's incidents come every minute or two, far more often than real ones: flapping
          # detection would hold their alerts, so it is off here.
          flapping: {changes: 0}
          alerts: [terminal]
        server:
          listen: 127.0.0.1:%d
        monitors:
        """
            .formatted(
                seconds(pace.interval()),
                seconds(pace.timeout()),
                pace.failureThreshold(),
                seconds(pace.retryAfterMax()),
                port));
    for (PresetMonitor m : presets) {
      y.append("  - name: ").append(m.name()).append('\n');
      y.append("    preset: ").append(m.preset()).append('\n');
      y.append("    # The preset's first endpoint: ").append(m.endpoint()).append('\n');
      m.keys().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  y.append("    ")
                      .append(e.getKey())
                      .append(": ")
                      .append(quoted(e.getValue()))
                      .append('\n'));
      y.append(
          """
              # The demo checks far more often than the preset's interval, which spares a real
              # account's quota; the simulated account allows that many calls.
              interval: %s
              timeout: %s
              quota: {key: %s-demo, limit: 100000, per: 1h}
          """
              .formatted(seconds(pace.interval()), seconds(pace.timeout()), m.preset()));
    }
    y.append(
        """
          # The advertiser's own tracker: a click redirect, a pixel, a postback and an API.
          - name: tracker-click
            url: "%1$s/click?offer=1&url=landing"
            follow-redirects: false
            conditions:
              - "[STATUS] == 302"
              - "[HEADER].Location == pat(*clickid=*)"
          - name: tracker-pixel
            url: "%1$s/pixel.gif?clickid=probe&order=probe&amount=0&test=1"
            conditions:
              - "[STATUS] == 200"
              - "[HEADER].Content-Type == image/gif"
          - name: tracker-postback
            url: "%1$s/postback?clickid=probe&order=probe&amount=0&test=1"
            conditions:
              - "[STATUS] == 200"
              - "[BODY] == pat(success=true;*)"
            # The postback says success=false inside a 200: that is an error of the body.
            reasons:
              body-error: ["success=false"]
          - name: tracker-api
            url: "%1$s/api/conversions"
            method: POST
            headers: {Content-Type: application/json}
            body: '{"order_id": "probe", "amount": "0.00", "test": true}'
            auth: {bearer: %2$s}
            conditions:
              - "[STATUS] == 200"
              - "[BODY].status == OK"
          # A test conversion, end to end (docs/synthetic-conversion.md): a click, a postback with a
          # fresh order id, the tracker's report polled until the order shows, its amount and
          # commission checked, and the conversion reversed.
          - name: tracker-synthetic-conversion
            type: flow
            interval: %4$s
            timeout: 8s
            durations:
              attribution-latency: {from: convert, to: report}
            steps:
              - name: click
                url: "%1$s/click?offer=1&url=landing"
                follow-redirects: false
                conditions: ["[STATUS] == 302"]
                extract:
                  CLICK: 'regex([HEADER].Location, "clickid=([^&]+)")'
              - name: convert
                url: "%1$s/postback?clickid={{CLICK}}&order=tickr-{{uuid}}&amount=12.50"
                conditions: ["[BODY] == pat(success=true;*)"]
              - name: report
                url: "%1$s/api/conversions/tickr-{{uuid}}"
                auth: {bearer: %2$s}
                poll: {every: 1s, within: 6s}
                conditions: ["[STATUS] == 200"]
              - name: amount
                url: "%1$s/api/conversions/tickr-{{uuid}}"
                auth: {bearer: %2$s}
                conditions:
                  - "[BODY].amount == 12.50"
                  - "[BODY].commission == 1.25"
              - name: reverse
                url: "%1$s/api/conversions/tickr-{{uuid}}"
                method: DELETE
                auth: {bearer: %2$s}
                always: true
        channels:
          # Tickr's webhook to the demo's receiver, which prints each alert in the terminal.
          - name: terminal
            type: webhook
            url: %3$s
            events: [down, up, degraded, reminder]
        """
            .formatted(
                tracker,
                quoted(trackerToken),
                quoted(receiver),
                seconds(
                    pace.interval().compareTo(SYNTHETIC_INTERVAL) > 0
                        ? pace.interval()
                        : SYNTHETIC_INTERVAL)));
    return y.toString();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() % 3600 == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
  }

  /** A YAML double-quoted scalar. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
