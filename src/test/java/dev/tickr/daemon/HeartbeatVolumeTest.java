package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Reason;
import dev.tickr.heartbeat.Ping;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.MetricPoint;
import dev.tickr.store.MetricSeriesStore;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.testing.BuiltInTypes;
import dev.tickr.testing.MutableClock;
import dev.tickr.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heartbeat's push volume through the real daemon, store and web server: pings (some over real
 * HTTP on loopback) counted per hour and judged against the same hour of the weeks before, time
 * moved by hand a minute at a time.
 */
class HeartbeatVolumeTest {
  /** A Monday, midnight UTC. */
  private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");

  private static final String TOKEN = "pixel-backend-token-0123456789";

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(MONDAY);
  private final AtomicLong nanos = new AtomicLong();
  private final BlockingQueue<Notification> inbox = new LinkedBlockingQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private @Nullable Store store;
  private @Nullable Daemon daemon;
  private @Nullable WebServer web;
  private int port;

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (store != null) {
      store.close();
    }
    http.close();
  }

  private static String pixel(String extra) {
    return """
        monitors:
          - name: pixel
            type: heartbeat
            token: %s
            period: 1h
            grace: 15m
            alerts: [ops]
        %s
        channels:
          - {name: ops, type: webhook, url: https://hooks.example.com/ops}
        """
        .formatted(TOKEN, extra);
  }

  private static final String SEASONAL =
      """
          conditions:
            - "[METRIC].pings >= 0.5 * baseline(pings, 3w)"
      """;

  private void start(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("tickr.yml"), yaml);
    Store opened = SqliteStore.open(dir.resolve("data"), Retention.defaults(), clock);
    store = opened;
    Notifier notifier =
        n -> {
          inbox.add(n);
          return Delivery.sent(200, "ok");
        };
    NotifierFactory notifiers = channels -> Map.of("ops", notifier);
    Daemon started =
        new Daemon(
            BuiltInTypes.loader(Map.of()).load(file),
            file,
            BuiltInTypes.loader(Map.of()),
            opened,
            new dev.tickr.Tickr(Map.of(), clock, nanos::get).types(),
            new dev.tickr.Tickr(Map.of(), clock, nanos::get).connectivityGuard(),
            new Judge(clock),
            clock,
            nanos::get,
            new Parked(),
            (start, end) -> Duration.ZERO,
            record -> {},
            notifiers,
            new Parked(),
            dev.tickr.auth.SecretBox.of(new byte[32]));
    daemon = started;
    started.start();
    WebServer server = new WebServer(started.pings());
    web = server;
    port = server.start("127.0.0.1", 0);
  }

  private Daemon running() {
    return Objects.requireNonNull(daemon);
  }

  private Store store() {
    return Objects.requireNonNull(store);
  }

  private HttpResponse<String> request(String method, String pathAndQuery, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private @Nullable MonitorStatus state() {
    return running().tracker().status("pixel");
  }

  private HeartbeatVolumes.Reading reading() {
    return running().heartbeatVolumes().reading("pixel").orElseThrow();
  }

  /**
   * The pixel's rate: on weekdays a ping every 5 minutes from 08:00 to 20:00 UTC and every 30
   * minutes at night; at weekends every 15 minutes by day and every 60 at night.
   */
  private static boolean due(Instant minute) {
    ZonedDateTime t = minute.atZone(ZoneOffset.UTC);
    boolean weekend =
        t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    boolean day = t.getHour() >= 8 && t.getHour() < 20;
    int every = weekend ? (day ? 15 : 60) : (day ? 5 : 30);
    return t.getMinute() % every == 0;
  }

  /**
   * Moves time on a minute at a time until {@code until}; at each minute the pixel pings when
   * {@code pinging} says so, straight to the daemon's receiver, and the daemon's timers run.
   */
  private void run(Instant until, Predicate<Instant> pinging) {
    PingReceiver pings = running().pings();
    while (clock.instant().isBefore(until)) {
      Instant now = clock.advance(Duration.ofMinutes(1));
      nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
      if (pinging.test(now)) {
        assertThat(pings.receive(TOKEN, new Ping(Ping.Signal.SUCCESS, null, "", false), 3.0))
            .isEqualTo(PingReceiver.Answer.ACCEPTED);
      }
      running().expireHeartbeats();
      running().judgeHeartbeatVolumes();
      if (now.getEpochSecond() % 86_400 == 0) {
        store().flush();
      }
    }
  }

  /** Like {@link #run}, but each ping goes over HTTP to {@code /ping/<token>?count=3}. */
  private void runOverHttp(Instant until, Predicate<Instant> pinging) throws Exception {
    while (clock.instant().isBefore(until)) {
      Instant now = clock.advance(Duration.ofMinutes(1));
      nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
      if (pinging.test(now)) {
        assertThat(request("GET", "/ping/" + TOKEN + "?count=3", "").statusCode()).isEqualTo(200);
      }
      running().expireHeartbeats();
      running().judgeHeartbeatVolumes();
    }
  }

  private List<CheckRecord> failures() {
    store().flush();
    return store().results("pixel", MONDAY, Instant.MAX, 100_000, null).stream()
        .filter(r -> r.reason() != null)
        .toList();
  }

  @Test
  void pings_stopping_in_a_busy_hour_alert_volume_anomaly_but_nights_and_weekends_do_not()
      throws Exception {
    start(pixel(SEASONAL));
    Instant thirdMonday = MONDAY.plus(Duration.ofDays(21));

    run(thirdMonday, HeartbeatVolumeTest::due);

    assertThat(failures()).as("three weeks of normal nights, days and weekends").isEmpty();
    assertThat(inbox).isEmpty();
    assertThat(Objects.requireNonNull(state()).state()).isEqualTo(MonitorState.UP);
    MetricSeriesStore series = store().metricSeries();
    List<MetricPoint> busy =
        series.series(
            "pixel",
            "pings",
            MONDAY.plus(Duration.ofDays(14).plusHours(14)),
            MONDAY.plus(Duration.ofDays(14).plusHours(15)),
            MetricSeriesStore.Resolution.RAW);
    assertThat(busy).singleElement().satisfies(p -> assertThat(p.mean()).isEqualTo(12.0));

    // The third Monday: its night lull (a ping every 30 minutes) is usual, then the busy morning.
    Instant lunch = thirdMonday.plus(Duration.ofHours(14));
    runOverHttp(lunch, HeartbeatVolumeTest::due);
    assertThat(failures()).as("a normal night lull and morning").isEmpty();
    assertThat(reading().judged()).isTrue();
    assertThat(reading().pings()).as("13:00-14:00").isEqualTo(12);
    assertThat(reading().count()).isEqualTo(36.0);
    assertThat(reading().notes()).isEmpty();

    // After the ping at 14:00 the pings stop: the hour is judged as it ends.
    runOverHttp(lunch.plus(Duration.ofHours(1)), minute -> false);
    Notification down = inbox.poll(10, TimeUnit.SECONDS);
    assertThat(down).as("an alert as the hour ends").isNotNull();
    assertThat(down.event()).isEqualTo(AlertEvent.DOWN);
    assertThat(down.first().reason()).isEqualTo(Reason.VOLUME_ANOMALY);
    Incident incident = Objects.requireNonNull(Objects.requireNonNull(state()).incident());
    assertThat(incident.reason()).isEqualTo(Reason.VOLUME_ANOMALY);
    assertThat(incident.startedAt()).isBefore(lunch.plus(Duration.ofHours(1)));
    assertThat(incident.detail())
        .isEqualTo(
            "14:00-15:00 UTC: pings 1; usual for Monday 14:00 UTC: 12 (3 weeks) (condition"
                + " [METRIC].pings >= 0.5 * baseline(pings, 3w))");

    // Pings come back: each is still a failure until an hour holds again, then it recovers.
    Instant back = clock.instant();
    runOverHttp(back.plus(Duration.ofMinutes(30)), HeartbeatVolumeTest::due);
    assertThat(Objects.requireNonNull(state()).state()).isEqualTo(MonitorState.DOWN);
    assertThat(failures())
        .extracting(CheckRecord::error)
        .contains(
            "pinged, but the volume is still low: 14:00-15:00 UTC: pings 1; usual for Monday"
                + " 14:00 UTC: 12 (3 weeks) (condition [METRIC].pings >= 0.5 * baseline(pings,"
                + " 3w))");
    runOverHttp(back.plus(Duration.ofMinutes(70)), HeartbeatVolumeTest::due);
    assertThat(Objects.requireNonNull(state()).state()).isEqualTo(MonitorState.UP);
    Notification up = inbox.poll(10, TimeUnit.SECONDS);
    assertThat(up).isNotNull();
    assertThat(up.event()).isEqualTo(AlertEvent.UP);
  }

  @Test
  void a_short_history_says_so_instead_of_alerting() throws Exception {
    Instant eight = MONDAY.plus(Duration.ofHours(8));
    clock.set(eight);
    start(pixel(SEASONAL));
    assertThat(reading().judged()).isFalse();
    assertThat(reading().notes())
        .containsExactly(
            "not judged yet: pings are counted since 08:00 UTC; the first whole hour judged is"
                + " 08:00-09:00 UTC");
    run(eight.plus(Duration.ofHours(2)), HeartbeatVolumeTest::due);
    run(eight.plus(Duration.ofHours(3).plusMinutes(1)), minute -> false);

    assertThat(failures()).isEmpty();
    assertThat(inbox).isEmpty();
    assertThat(reading().pings()).isEqualTo(1);
    assertThat(reading().notes())
        .containsExactly(
            "[METRIC].pings >= 0.5 * baseline(pings, 3w): not judged yet: baseline(pings, 3w) has"
                + " 0 of the 2 weeks of history it needs at Monday 10:00 UTC");
  }

  @Test
  void a_ping_counts_from_its_url_its_body_or_the_field_the_monitor_names() throws Exception {
    start(pixel("    count: \"[BODY].orders\""));
    clock.advance(Duration.ofMinutes(30));
    assertThat(request("GET", "/ping/" + TOKEN + "?count=37", "").statusCode()).isEqualTo(200);
    assertThat(request("POST", "/ping/" + TOKEN, "{\"orders\": 5}").statusCode()).isEqualTo(200);
    assertThat(request("POST", "/ping/" + TOKEN + "?count=2.5", "{\"x\": 1}").statusCode())
        .as("the URL's count wins")
        .isEqualTo(200);
    assertThat(request("GET", "/ping/" + TOKEN, "").statusCode()).isEqualTo(200);

    for (String bad : List.of("?count=abc", "?count=-1", "?count=1e99", "?count=")) {
      HttpResponse<String> answer = request("GET", "/ping/" + TOKEN + bad, "");
      assertThat(answer.statusCode()).as(bad).isEqualTo(400);
      assertThat(answer.body()).as(bad).startsWith("bad count: ?count= must be a number");
    }
    HttpResponse<String> noField = request("POST", "/ping/" + TOKEN, "{\"order\": 5}");
    assertThat(noField.statusCode()).isEqualTo(400);
    assertThat(noField.body())
        .isEqualTo(
            "bad count: the body holds no count where the monitor's count: reads it; nothing was"
                + " recorded");
    assertThat(request("POST", "/ping/" + TOKEN, "{\"orders\": -3}").statusCode()).isEqualTo(400);
    store().flush();
    assertThat(store().results("pixel", MONDAY, Instant.MAX, 100, null))
        .as("bad counts record nothing")
        .hasSize(4);

    clock.advance(Duration.ofMinutes(30));
    assertThat(running().judgeHeartbeatVolumes()).isZero();
    assertThat(reading().pings()).isEqualTo(4);
    assertThat(reading().count()).isEqualTo(44.5);
    store().flush();
    assertThat(
            store()
                .metricSeries()
                .series(
                    "pixel",
                    "count",
                    MONDAY,
                    MONDAY.plus(Duration.ofDays(1)),
                    MetricSeriesStore.Resolution.RAW))
        .singleElement()
        .satisfies(p -> assertThat(p.sum()).isEqualTo(44.5));
  }

  @Test
  void a_body_that_is_only_a_number_is_the_count_and_any_other_body_counts_the_ping_alone()
      throws Exception {
    start(pixel(SEASONAL));
    clock.advance(Duration.ofMinutes(30));
    assertThat(request("POST", "/ping/" + TOKEN, " 12\n").statusCode()).isEqualTo(200);
    assertThat(request("POST", "/ping/" + TOKEN, "export done: 12 rows").statusCode())
        .isEqualTo(200);
    assertThat(request("POST", "/ping/" + TOKEN + "/fail", "7").statusCode())
        .as("a failure is no delivery: not counted")
        .isEqualTo(200);
    clock.advance(Duration.ofMinutes(30));
    running().judgeHeartbeatVolumes();
    assertThat(reading().pings()).isEqualTo(2);
    assertThat(reading().count()).isEqualTo(12.0);
  }
}
