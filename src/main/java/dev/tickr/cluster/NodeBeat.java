package dev.tickr.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One node's row in the membership table (the table of nodes): who it is, where it probes from,
 * which config it runs, and when it was first and last heard of.
 *
 * @param node the node's unique name ({@code tickr run --node})
 * @param location where its checks run from ({@code --location}), or {@link
 *     NodeIdentity#NO_LOCATION}
 * @param fingerprint its config's {@link ConfigFingerprint}
 * @param firstSeen when this run of the node first beat (reset when it beats again after its lease
 *     ran out)
 * @param lastSeen its latest beat
 */
public record NodeBeat(
    String node, String location, String fingerprint, Instant firstSeen, Instant lastSeen) {

  public NodeBeat {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
