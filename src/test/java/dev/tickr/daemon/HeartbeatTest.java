package dev.tickr.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.alert.NotifierFactory;
import dev.tickr.assertion.Judge;
import dev.tickr.check.Reason;
import dev.tickr.incident.Incident;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeat monitors through the real daemon, store and web server: pings over real HTTP on
 * loopback, time moved by hand (the wall clock for deadlines, the ticker for the rate limit).
 */
class HeartbeatTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final String TOKEN = "nightly-export-token-0123456789";

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private final AtomicLong nanos = new AtomicLong();
  private final Inbox inbox = new Inbox();
  private final HttpClient http = HttpClient.newHttpClient();
  private @Nullable Store store;
  private @Nullable Daemon daemon;
  private @Nullable WebServer web;
  private int port;

  @AfterEach
  void stop() {
    shutDown();
    http.close();
  }

  private void shutDown() {
    if (web != null) {
      web.close();
      web = null;
    }
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private static String heartbeat(String extra) {
    return """
        monitors:
          - name: export
            type: heartbeat
            period: 1m
            grace: 30s
            alerts: [ops]
        %s
        channels:
          - {name: ops, type: webhook, url: https://hooks.example.com/ops}
        """
        .formatted(extra);
  }

  private Daemon start(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("tickr.yml"), yaml);
    Store opened = SqliteStore.open(dir.resolve("data"), Retention.defaults(), clock);
    store = opened;
    NotifierFactory notifiers = channels -> Map.of("ops", inbox);
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
    return started;
  }

  private HttpResponse<String> request(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private int ping(String suffix) throws Exception {
    HttpResponse<String> answer = request("GET", "/ping/" + TOKEN + suffix, "");
    if (answer.statusCode() == 200) {
      assertThat(answer.body()).isEqualTo("OK");
    }
    return answer.statusCode();
  }

  /** Moves the wall clock on and runs the deadline check the daemon runs every second. */
  private void after(Duration d) {
    clock.advance(d);
    running().expireHeartbeats();
  }

  private Daemon running() {
    return Objects.requireNonNull(daemon);
  }

  private MonitorStatus state() {
    return Objects.requireNonNull(running().tracker().status("export"));
  }

  private Incident incident() {
    return Objects.requireNonNull(state().incident(), "open incident");
  }

  private List<CheckRecord> results() {
    Store s = Objects.requireNonNull(store);
    s.flush();
    List<CheckRecord> newestFirst = s.results("export", T0, Instant.MAX, 100, null);
    List<CheckRecord> out = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void pings_on_time_keep_a_heartbeat_up() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    for (int i = 0; i < 5; i++) {
      after(Duration.ofSeconds(80)); // within period + grace of the last ping
      assertThat(ping("")).isEqualTo(200);
      assertThat(state().state()).isEqualTo(MonitorState.UP);
    }
    after(Duration.ofSeconds(89));
    assertThat(state().state()).isEqualTo(MonitorState.UP);
    assertThat(state().incident()).isNull();
    assertThat(results()).hasSize(5).allMatch(r -> r.verdict() == Verdict.OK);
    assertThat(inbox.received).isEmpty();
  }

  @Test
  void no_ping_within_period_and_grace_is_down_with_heartbeat_missed_then_an_alert()
      throws Exception {
    start(heartbeat("    token: " + TOKEN));
    assertThat(ping("")).isEqualTo(200);
    after(Duration.ofSeconds(89));
    assertThat(state().state()).isEqualTo(MonitorState.UP);

    after(Duration.ofSeconds(1));
    assertThat(state().state()).isEqualTo(MonitorState.DOWN);
    assertThat(incident().reason()).isEqualTo(Reason.HEARTBEAT_MISSED);
    assertThat(incident().detail()).isEqualTo("no ping for 1m30s (expected every 1m, grace 30s)");
    Notification down = inbox.received.poll(10, TimeUnit.SECONDS);
    assertThat(down).isNotNull();
    assertThat(down.event()).isEqualTo(AlertEvent.DOWN);
    assertThat(down.first().reason()).isEqualTo(Reason.HEARTBEAT_MISSED);

    after(Duration.ofMinutes(1));
    assertThat(results())
        .as("a missed ping is recorded again every period while none comes")
        .extracting(CheckRecord::reason)
        .containsExactly(null, Reason.HEARTBEAT_MISSED, Reason.HEARTBEAT_MISSED);

    assertThat(ping("")).isEqualTo(200);
    assertThat(state().state()).isEqualTo(MonitorState.UP);
    Notification up = inbox.received.poll(10, TimeUnit.SECONDS);
    assertThat(up).isNotNull();
    assertThat(up.event()).isEqualTo(AlertEvent.UP);
  }

  @Test
  void start_then_success_records_the_runs_duration() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    assertThat(ping("/start")).isEqualTo(200);
    assertThat(results()).as("a start alone is no result").isEmpty();
    clock.advance(Duration.ofSeconds(42));
    assertThat(ping("")).isEqualTo(200);
    clock.advance(Duration.ofSeconds(5));
    assertThat(ping("")).isEqualTo(200);

    List<CheckRecord> stored = results();
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).total()).isEqualTo(Duration.ofSeconds(42));
    assertThat(stored.get(0).startedAt()).isEqualTo(T0);
    assertThat(stored.get(0).verdict()).isEqualTo(Verdict.OK);
    assertThat(stored.get(1).total()).as("no start, no duration").isEqualTo(Duration.ZERO);
  }

  @Test
  void fail_is_down_at_once_with_the_body_as_redacted_evidence() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    assertThat(ping("/start")).isEqualTo(200);
    clock.advance(Duration.ofSeconds(3));
    String log = "export failed: disk full\nping url was /ping/" + TOKEN + "\n";
    HttpResponse<String> answer =
        request("POST", "/ping/" + TOKEN + "/fail", log + "x".repeat(20_000));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("OK");

    assertThat(state().state()).isEqualTo(MonitorState.DOWN);
    Incident incident = incident();
    assertThat(incident.reason()).isEqualTo(Reason.HEARTBEAT_MISSED);
    assertThat(incident.detail()).isEqualTo("the job reported a failure");
    String evidence = incident.evidence().bodyStart();
    assertThat(evidence).startsWith("export failed: disk full\n").doesNotContain(TOKEN);
    assertThat(evidence.length()).as("at most 10 KB of the body").isLessThanOrEqualTo(10 * 1024);
    store().flush();
    Incident saved = store().incident(incident.id()).orElseThrow();
    assertThat(saved.evidence().bodyStart()).isEqualTo(evidence);
    CheckRecord failed = results().get(0);
    assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(failed.total()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void exit_code_zero_is_a_success_and_any_other_a_failure() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    assertThat(ping("/0")).isEqualTo(200);
    assertThat(state().state()).isEqualTo(MonitorState.UP);
    assertThat(ping("/3")).isEqualTo(200);
    assertThat(state().state()).isEqualTo(MonitorState.DOWN);
    assertThat(incident().detail()).isEqualTo("the job exited with code 3");
    assertThat(ping("/255")).isEqualTo(200);
    assertThat(ping("/256")).as("no exit code").isEqualTo(404);
    assertThat(ping("/-1")).isEqualTo(404);
    assertThat(ping("/log")).isEqualTo(404);
    assertThat(ping("/0")).isEqualTo(200);
    assertThat(state().state()).isEqualTo(MonitorState.UP);
    assertThat(results())
        .extracting(CheckRecord::verdict)
        .containsExactly(Verdict.OK, Verdict.FAILED, Verdict.FAILED, Verdict.OK);
  }

  @Test
  void head_and_post_count_like_get() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    assertThat(request("HEAD", "/ping/" + TOKEN, "").statusCode()).isEqualTo(200);
    assertThat(request("POST", "/ping/" + TOKEN, "done").statusCode()).isEqualTo(200);
    assertThat(request("PUT", "/ping/" + TOKEN, "").statusCode()).isNotEqualTo(200);
    assertThat(results()).hasSize(2);
  }

  @Test
  void an_unknown_token_gets_404_and_records_nothing() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    for (String path :
        List.of(
            "/ping/" + TOKEN.toUpperCase(java.util.Locale.ROOT),
            "/ping/" + TOKEN.substring(1),
            "/ping/unknown/fail",
            "/ping/export")) {
      assertThat(request("GET", path, "").statusCode()).as(path).isEqualTo(404);
      assertThat(request("POST", path, "x").statusCode()).as(path).isEqualTo(404);
    }
    assertThat(results()).isEmpty();
    assertThat(state().state()).isEqualTo(MonitorState.PENDING);
  }

  @Test
  void pings_beyond_the_rate_limit_get_429_and_are_not_recorded() throws Exception {
    start(heartbeat("    token: " + TOKEN));
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < Daemon.PING_BURST + 3; i++) {
      answers.add(ping(""));
    }
    assertThat(answers.subList(0, Daemon.PING_BURST)).containsOnly(200);
    assertThat(answers.subList(Daemon.PING_BURST, answers.size())).containsOnly(429);
    assertThat(results()).hasSize(Daemon.PING_BURST);

    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(200)); // one more ping's allowance
    assertThat(ping("")).isEqualTo(200);
    assertThat(ping("")).isEqualTo(429);
  }

  @Test
  void a_generated_token_has_128_bits_and_survives_a_restart() throws Exception {
    start(heartbeat(""));
    String path = Objects.requireNonNull(running().pingPaths().get("export"));
    assertThat(path).matches("/ping/[A-Za-z0-9_-]{22,}");
    assertThat(request("GET", path, "").statusCode()).isEqualTo(200);

    shutDown();
    start(heartbeat(""));
    assertThat(running().pingPaths()).containsEntry("export", path);
    assertThat(request("GET", path, "").statusCode()).isEqualTo(200);

    shutDown();
    start(heartbeat("    token: " + TOKEN));
    assertThat(request("GET", path, "").statusCode())
        .as("a configured token replaces the generated one")
        .isEqualTo(404);
    assertThat(ping("")).isEqualTo(200);
  }

  @Test
  void the_database_keeps_a_tokens_hash_and_sealed_text_never_the_token() throws Exception {
    start(heartbeat(""));
    String generated =
        Objects.requireNonNull(running().pingPaths().get("export")).substring("/ping/".length());
    shutDown();
    assertThat(databaseText()).doesNotContain(generated);

    start(heartbeat("    token: " + TOKEN));
    assertThat(ping("")).isEqualTo(200);
    assertThat(running().pingPaths()).containsEntry("export", "/ping/" + TOKEN);
    dev.tickr.store.HeartbeatToken kept =
        Objects.requireNonNull(store().heartbeatTokens().get("export"));
    assertThat(kept.hash()).isEqualTo(dev.tickr.store.HeartbeatToken.hashOf(TOKEN));
    assertThat(kept.carried()).isNull();
    shutDown();
    assertThat(databaseText()).doesNotContain(TOKEN).doesNotContain(generated);
  }

  @Test
  void a_token_kept_in_plain_text_before_version_9_still_works_and_is_hashed_and_sealed()
      throws Exception {
    String old = "Q2xkR2VuZXJhdGVkVG9rZW4";
    Path data = Files.createDirectories(dir.resolve("data"));
    org.sqlite.SQLiteDataSource v7 = new org.sqlite.SQLiteDataSource();
    v7.setUrl("jdbc:sqlite:" + data.resolve(SqliteStore.FILE_NAME));
    org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
        .dataSource(v7)
        .locations("classpath:db/migration")
        .placeholders(Map.of("blob", "BLOB", "without_rowid", "WITHOUT ROWID"))
        .target("7")
        .load()
        .migrate();
    try (java.sql.Connection c = v7.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO heartbeat_tokens (monitor, token, configured, created_at) VALUES"
              + " ('export', '"
              + old
              + "', 0, 0)");
    }

    start(heartbeat(""));

    assertThat(running().pingPaths()).containsEntry("export", "/ping/" + old);
    assertThat(request("GET", "/ping/" + old, "").statusCode()).isEqualTo(200);
    shutDown();
    // The old page image stays in the main file until SQLite's next checkpoint copies the new one.
    try (java.sql.Connection c = v7.getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    assertThat(databaseText()).doesNotContain(old);
    start(heartbeat(""));
    assertThat(running().pingPaths()).containsEntry("export", "/ping/" + old);
    assertThat(request("GET", "/ping/" + old, "").statusCode()).isEqualTo(200);
  }

  /** Every byte of the database and its write-ahead log, as text. */
  private String databaseText() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("tickr.db", "tickr.db-wal")) {
      Path f = dir.resolve("data").resolve(name);
      if (Files.exists(f)) {
        out.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return out.toString();
  }

  private Store store() {
    return Objects.requireNonNull(store);
  }

  /** A channel's notifier that hands each notification to the test. */
  private static final class Inbox implements Notifier {
    final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();

    @Override
    public Delivery send(Notification notification) {
      received.add(notification);
      return Delivery.sent(200, "ok");
    }
  }
}
