package dev.tickr.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which member runs what: rendezvous (highest random weight) hashing over the live members. Each
 * monitor scores every candidate node by a hash of both names and goes to the highest score, so
 * every node computes the same owner from the same members with no coordination; when a node leaves
 * only its monitors move (each to its runner-up), and a node that joins takes about 1/N of them,
 * from every other node evenly.
 *
 * <p>Made once per change of the members (the node hashes are computed here); asking is a few
 * multiplications per member.
 */
public final class Assignment {
  private record Candidate(String node, String location, long hash) {}

  private final List<Candidate> all;
  private final Map<String, List<Candidate>> byLocation;

  private Assignment(List<Candidate> all) {
    this.all = List.copyOf(all);
    Map<String, List<Candidate>> grouped = new HashMap<>();
    for (Candidate c : all) {
      grouped.computeIfAbsent(c.location(), l -> new ArrayList<>()).add(c);
    }
    this.byLocation = Map.copyOf(grouped);
  }

  public static Assignment of(Members members) {
    List<Candidate> candidates = new ArrayList<>();
    for (NodeBeat b : members.live()) {
      candidates.add(new Candidate(b.node(), b.location(), mix(hash(b.node()) + SEED)));
    }
    return new Assignment(candidates);
  }

  /**
   * The node that decides the monitor's state, opens and closes its incidents and, for a monitor
   * without locations, runs its check: the highest score among all members.
   */
  public Optional<String> home(String monitor) {
    return best(hash(monitor), all);
  }

  /** The node that runs the monitor's check for {@code location}: none when none is there. */
  public Optional<String> owner(String monitor, String location) {
    return best(hash(monitor), byLocation.getOrDefault(location, List.of()));
  }

  /**
   * The location {@code node} runs the monitor's check as, if it runs it: a monitor without
   * locations runs on its {@link #home} node, as that node's location; one with locations runs on
   * the {@link #owner} of each, and a node is in one location.
   *
   * @param locations the monitor's {@code locations:}, empty for none
   */
  public Optional<String> duty(String monitor, List<String> locations, String node) {
    long h = hash(monitor);
    if (locations.isEmpty()) {
      return best(h, all).filter(node::equals).flatMap(n -> locationOf(node));
    }
    Optional<String> at = locationOf(node).filter(locations::contains);
    return at.filter(l -> best(h, byLocation.getOrDefault(l, List.of())).equals(Optional.of(node)));
  }

  private Optional<String> locationOf(String node) {
    return all.stream().filter(c -> c.node().equals(node)).map(Candidate::location).findFirst();
  }

  private static Optional<String> best(long monitor, List<Candidate> candidates) {
    Candidate top = null;
    long topScore = 0;
    for (Candidate c : candidates) {
      long score = mix(monitor ^ c.hash());
      if (top == null
          || Long.compareUnsigned(score, topScore) > 0
          || (score == topScore && c.node().compareTo(top.node()) < 0)) {
        top = c;
        topScore = score;
      }
    }
    return top == null ? Optional.empty() : Optional.of(top.node());
  }

  private static final long SEED = 0x9E3779B97F4A7C15L;

  /** FNV-1a (64 bits) of the UTF-8 bytes: the same on every JVM and every run. */
  static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: every input bit changes about half the output bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
