package dev.tickr.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes are members of the cluster at a given time, from their heartbeat rows alone: a pure
 * function, so every node that reads the same rows at the same time sees the same members.
 *
 * <p>A node is alive until {@code lastSeen + lease}. It counts as a member once it has beaten for
 * {@code settle} ({@code firstSeen + settle}), so that every node has read its row before monitors
 * move to it. Among the settled nodes, the config fingerprint most of them run is the cluster's (on
 * a tie, the one of the node that joined first); a node with another fingerprint is not a member:
 * it runs nothing and says so, instead of fighting over monitors with another config.
 *
 * @param lease how long a beat keeps a node alive; a node that stops beating loses its monitors
 *     after at most {@code lease} plus one refresh ({@link #beatEvery}), under two leases
 * @param settle how long a new node beats before monitors move to it: at least one refresh (two by
 *     default), so that every node has read its row by then
 */
public record Membership(Duration lease, Duration settle) {
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

  public Membership {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
    }
    if (settle.compareTo(lease.dividedBy(3)) < 0 || settle.compareTo(lease) > 0) {
      throw new IllegalArgumentException(
          "settle must be between a third of the lease (one beat) and the lease: " + settle);
    }
  }

  /** A 15 s lease, beats and refreshes every 5 s, new nodes settled after two beats. */
  public static Membership defaults() {
    return new Membership(DEFAULT_LEASE, DEFAULT_LEASE.dividedBy(3).multipliedBy(2));
  }

  /** How often each node writes its beat and reads everyone's: a third of the lease. */
  public Duration beatEvery() {
    return lease.dividedBy(3);
  }

  /** The members at {@code now}. */
  public Members view(List<NodeBeat> beats, Instant now) {
    List<NodeBeat> alive = new ArrayList<>();
    List<NodeBeat> settled = new ArrayList<>();
    for (NodeBeat b : beats) {
      if (b.lastSeen().plus(lease).isAfter(now)) {
        alive.add(b);
        if (!b.firstSeen().plus(settle).isAfter(now)) {
          settled.add(b);
        }
      }
    }
    String fingerprint = clusterFingerprint(settled);
    List<NodeBeat> live = new ArrayList<>();
    List<NodeBeat> joining = new ArrayList<>();
    List<NodeBeat> mismatched = new ArrayList<>();
    for (NodeBeat b : alive) {
      if (fingerprint != null && !b.fingerprint().equals(fingerprint)) {
        mismatched.add(b);
      } else if (settled.contains(b)) {
        live.add(b);
      } else {
        joining.add(b);
      }
    }
    return new Members(live, joining, mismatched, fingerprint == null ? "" : fingerprint);
  }

  /** The fingerprint most settled nodes run; on a tie, that of the node which joined first. */
  private static @org.jspecify.annotations.Nullable String clusterFingerprint(
      List<NodeBeat> settled) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, NodeBeat> eldest = new HashMap<>();
    Comparator<NodeBeat> age =
        Comparator.comparing(NodeBeat::firstSeen).thenComparing(NodeBeat::node);
    for (NodeBeat b : settled) {
      counts.merge(b.fingerprint(), 1, Integer::sum);
      eldest.merge(b.fingerprint(), b, (x, y) -> age.compare(x, y) <= 0 ? x : y);
    }
    return counts.keySet().stream()
        .max(
            Comparator.<String>comparingInt(counts::get)
                .thenComparing(f -> eldest.get(f), age.reversed()))
        .orElse(null);
  }
}
