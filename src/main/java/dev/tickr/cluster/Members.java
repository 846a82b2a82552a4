package dev.tickr.cluster;

import java.util.Comparator;
import java.util.List;

/**
 * The cluster as {@link Membership#view} sees it at one time.
 *
 * @param live the members, by name: the nodes that share the monitors
 * @param joining alive nodes with the cluster's config that have not settled yet
 * @param mismatched alive nodes whose config differs from the cluster's: they run nothing
 * @param fingerprint the config the members run, empty when there are none
 */
public record Members(
    List<NodeBeat> live, List<NodeBeat> joining, List<NodeBeat> mismatched, String fingerprint) {

  /** Where a node stands. */
  public enum Standing {
    /** It shares the monitors. */
    MEMBER,
    /** It beats, and will share them once settled. */
    JOINING,
    /** Its config differs from the cluster's: it runs nothing until it matches. */
    MISMATCHED,
    /** Its lease ran out (or it never beat): it must run nothing. */
    ABSENT
  }

  public Members {
    Comparator<NodeBeat> byName = Comparator.comparing(NodeBeat::node);
    live = live.stream().sorted(byName).toList();
    joining = joining.stream().sorted(byName).toList();
    mismatched = mismatched.stream().sorted(byName).toList();
  }

  public Standing standing(String node) {
    if (has(live, node)) {
      return Standing.MEMBER;
    }
    if (has(mismatched, node)) {
      return Standing.MISMATCHED;
    }
    return has(joining, node) ? Standing.JOINING : Standing.ABSENT;
  }

  /** The members' names. */
  public List<String> names() {
    return live.stream().map(NodeBeat::node).toList();
  }

  private static boolean has(List<NodeBeat> beats, String node) {
    return beats.stream().anyMatch(b -> b.node().equals(node));
  }
}
