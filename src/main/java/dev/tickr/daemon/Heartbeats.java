package dev.tickr.daemon;

import dev.tickr.auth.Sealer;
import dev.tickr.auth.SecretBox;
import dev.tickr.auth.SecretPlace;
import dev.tickr.check.Reason;
import dev.tickr.config.MonitorSpec;
import dev.tickr.config.PushedSettings;
import dev.tickr.heartbeat.Ping;
import dev.tickr.heartbeat.PingReceiver;
import dev.tickr.heartbeat.RateLimiter;
import dev.tickr.incident.Evidence;
import dev.tickr.incident.Outcome;
import dev.tickr.incident.Verdict;
import dev.tickr.store.CheckRecord;
import dev.tickr.store.HeartbeatToken;
import dev.tickr.store.HeartbeatTokenStore;
import dev.tickr.time.Durations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeat monitors: results that come from pings instead of probes. A ping becomes an outcome and
 * a record that take the same path as a probe's ({@link MonitorRunner#settle}); no success within
 * {@code period + grace} is a failure with reason {@code heartbeat-missed}, found by {@link
 * #expire}, which the daemon calls every second. Knows each heartbeat's token, which the config
 * gives or which is generated once per monitor name and kept in the store, hashed (to find a ping's
 * monitor) and sealed with the secret key (to show its URL to admins again); a ping is matched by
 * its hash, compared in constant time.
 */
final class Heartbeats implements PingReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

  private final Clock clock;
  private final MonitorRunner runner;
  private final HeartbeatTokenStore store;
  private final RateLimiter limiter;
  private final Supplier<String> newToken;
  private final Sealer sealer;
  private final HeartbeatVolumes volumes;
  private final Map<String, Beat> beats = new ConcurrentHashMap<>();
  private final Map<String, String> monitorsByHash = new ConcurrentHashMap<>();
  private @Nullable Map<String, HeartbeatToken> saved;

  /** One heartbeat's runtime state; its fields are guarded by the beat itself. */
  private static final class Beat {
    final MonitorSpec spec;
    final PushedSettings heartbeat;
    final String token;
    final byte[] hash;
    Instant since;
    Instant deadline;
    @Nullable Instant runStarted;

    Beat(MonitorSpec spec, PushedSettings heartbeat, String token, Instant now) {
      this.spec = spec;
      this.heartbeat = heartbeat;
      this.token = token;
      this.hash = HeartbeatToken.hashOf(token).getBytes(StandardCharsets.US_ASCII);
      this.since = now;
      this.deadline = now.plus(heartbeat.period()).plus(heartbeat.grace());
    }
  }

  Heartbeats(
      Clock clock,
      MonitorRunner runner,
      HeartbeatTokenStore store,
      RateLimiter limiter,
      Supplier<String> newToken,
      Sealer sealer,
      HeartbeatVolumes volumes) {
    this.clock = clock;
    this.runner = runner;
    this.store = store;
    this.limiter = limiter;
    this.newToken = newToken;
    this.sealer = sealer;
    this.volumes = volumes;
  }

  /**
   * Adds a heartbeat monitor, or replaces it after a change; its deadline counts from now, so a
   * restart or a change gives the job one full period and grace.
   */
  synchronized void put(MonitorSpec spec) {
    if (!(spec.settings() instanceof PushedSettings hb)) {
      throw new IllegalArgumentException(spec.name() + " is not a pushed (heartbeat) monitor");
    }
    remove(spec.name());
    String token = token(spec.name(), hb.token());
    Beat beat = new Beat(spec, hb, token, clock.instant());
    beats.put(spec.name(), beat);
    monitorsByHash.put(HeartbeatToken.hashOf(token), spec.name());
    volumes.put(spec);
  }

  synchronized void remove(String monitor) {
    Beat old = beats.remove(monitor);
    if (old != null) {
      monitorsByHash.remove(HeartbeatToken.hashOf(old.token), monitor);
      limiter.forget(monitor);
    }
    volumes.remove(monitor);
  }

  /** Every heartbeat's ping URL path, {@code /ping/<token>}, by monitor. */
  Map<String, String> pingPaths() {
    Map<String, String> out = new HashMap<>();
    beats.forEach((name, beat) -> out.put(name, "/ping/" + beat.token));
    return out;
  }

  /**
   * The token the config gives, else the one generated before, else a new one. The store keeps its
   * hash and the token sealed for this monitor; it is written only when it changed, or when it was
   * carried in plain text from a database older than version 9.
   */
  private String token(String monitor, @Nullable String configured) {
    Map<String, HeartbeatToken> known = known();
    HeartbeatToken before = known.get(monitor);
    String token;
    if (configured != null) {
      token = configured;
    } else if (before != null && !before.configured()) {
      token = plain(before);
    } else {
      token = newToken.get();
    }
    boolean same =
        before != null
            && before.carried() == null
            && before.configured() == (configured != null)
            && before.hash().equals(HeartbeatToken.hashOf(token))
            && SecretBox.isCurrent(Objects.requireNonNull(before.sealed()));
    if (!same) {
      HeartbeatToken now =
          HeartbeatToken.of(monitor, token, sealer.seal(token, place(monitor)), configured != null);
      store.saveHeartbeatToken(now);
      known.values().removeIf(t -> t.hash().equals(now.hash()));
      known.put(monitor, now);
    }
    return token;
  }

  /** The stored tokens, read once; those carried from before version 9 are hashed and sealed. */
  private Map<String, HeartbeatToken> known() {
    Map<String, HeartbeatToken> known = saved;
    if (known == null) {
      known = new HashMap<>(store.heartbeatTokens());
      for (Map.Entry<String, HeartbeatToken> e : known.entrySet()) {
        HeartbeatToken t = e.getValue();
        String carried = t.carried();
        if (carried != null) {
          HeartbeatToken sealed =
              HeartbeatToken.of(
                  t.monitor(), carried, sealer.seal(carried, place(t.monitor())), t.configured());
          store.saveHeartbeatToken(sealed);
          e.setValue(sealed);
        }
      }
      saved = known;
    }
    return known;
  }

  private String plain(HeartbeatToken stored) {
    String carried = stored.carried();
    return carried != null
        ? carried
        : sealer.open(Objects.requireNonNull(stored.sealed()), place(stored.monitor()));
  }

  private static SecretPlace place(String monitor) {
    return SecretPlace.pingToken(monitor);
  }

  /**
   * Hashes and seals the tokens kept from a database older than version 9, whether or not their
   * monitors still run; then no token is left in plain text.
   */
  synchronized void sealCarried() {
    known();
  }

  @Override
  public Answer receive(String token, Ping ping) {
    return receive(token, ping, null);
  }

  @Override
  public Answer receive(String token, Ping ping, @Nullable Double count) {
    String hash = HeartbeatToken.hashOf(token);
    String monitor = monitorsByHash.get(hash);
    Beat beat = monitor == null ? null : beats.get(monitor);
    if (beat == null
        || !MessageDigest.isEqual(beat.hash, hash.getBytes(StandardCharsets.US_ASCII))) {
      return Answer.UNKNOWN;
    }
    if (!limiter.tryAcquire(beat.spec.name())) {
      return Answer.RATE_LIMITED;
    }
    if (beat.spec.paused()) {
      return Answer.ACCEPTED;
    }
    HeartbeatVolumes.Count counted =
        HeartbeatVolumes.count(beat.heartbeat, ping, count, clock.instant());
    if (counted.bad()) {
      return Answer.BAD_COUNT;
    }
    synchronized (beat) {
      Instant now = clock.instant();
      if (ping.signal() == Ping.Signal.START) {
        beat.runStarted = now;
        return Answer.ACCEPTED;
      }
      Instant started = beat.runStarted == null ? now : beat.runStarted;
      beat.runStarted = null;
      beat.since = now;
      beat.deadline = now.plus(beat.heartbeat.period()).plus(beat.heartbeat.grace());
      Outcome outcome;
      if (ping.signal() == Ping.Signal.SUCCESS) {
        volumes.add(beat.spec.name(), now, counted.value());
        outcome = volumes.gate(beat.spec.name(), Outcome.ok(now));
      } else {
        Integer code = ping.exitCode();
        String detail =
            code == null ? "the job reported a failure" : "the job exited with code " + code;
        Set<String> secrets = secrets(beat);
        outcome =
            new Outcome(
                now,
                Verdict.FAILED,
                // A failure report is no success ping: the contract's one heartbeat reason.
                Reason.HEARTBEAT_MISSED,
                detail,
                new Evidence(
                    null, List.of(), Judgement.cutBody(ping.body(), ping.bodyCut(), secrets)));
      }
      settle(beat, started, started, Duration.between(started, now), outcome);
    }
    return Answer.ACCEPTED;
  }

  /**
   * Fails every heartbeat whose deadline has passed, with reason {@code heartbeat-missed}, and
   * gives it another period: while no ping comes, a failure is recorded every period.
   *
   * @return how many were late
   */
  int expire() {
    Instant now = clock.instant();
    int late = 0;
    for (Beat beat : beats.values()) {
      if (beat.spec.paused()) {
        continue;
      }
      synchronized (beat) {
        if (now.isBefore(beat.deadline)) {
          continue;
        }
        Instant due = beat.deadline;
        String detail =
            "no ping for "
                + Durations.format(Duration.between(beat.since, now))
                + " (expected every "
                + Durations.format(beat.heartbeat.period())
                + ", grace "
                + Durations.format(beat.heartbeat.grace())
                + ")";
        beat.deadline = now.plus(beat.heartbeat.period());
        beat.runStarted = null;
        Outcome outcome =
            new Outcome(now, Verdict.FAILED, Reason.HEARTBEAT_MISSED, detail, Evidence.NONE);
        settle(beat, due, now, Duration.ZERO, outcome);
        late++;
      }
    }
    return late;
  }

  private void settle(
      Beat beat, Instant planned, Instant started, Duration total, Outcome outcome) {
    CheckRecord record =
        new CheckRecord(
            beat.spec.name(),
            planned,
            started,
            total,
            null,
            null,
            null,
            null,
            null,
            outcome.verdict(),
            outcome.reason(),
            outcome.detail());
    try {
      runner.settle(beat.spec, outcome, record, null);
    } catch (RuntimeException e) {
      LOG.error("monitor={} a heartbeat result could not be recorded", beat.spec.name(), e);
    }
  }

  /** What a ping's body must not show: the config's secrets and the ping URL's own token. */
  private Set<String> secrets(Beat beat) {
    Set<String> out = new HashSet<>(runner.configSecrets());
    out.add(beat.token);
    return out;
  }
}
