package dev.tickr.cli;

import dev.tickr.cluster.NodeIdentity;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --node NAME} and {@code --location L} of {@code tickr run}: who this node is when several
 * share one PostgreSQL store. Until a PostgreSQL store is configured a node runs alone, every
 * monitor on it as before, and says so.
 */
final class NodeOptions {
  /** The name of a node given only {@code --location}. */
  static final String DEFAULT_NODE = "tickr";

  @Option(
      names = "--node",
      paramLabel = "NAME",
      description =
          "This node's name, unique among the nodes sharing one PostgreSQL store (letters,"
              + " digits, '.', '-', '_').")
  @Nullable String node;

  @Option(
      names = "--location",
      paramLabel = "L",
      description =
          "Where this node's checks run from, for monitors with locations: (letters, digits, '-',"
              + " '_').")
  @Nullable String location;

  /**
   * Who this node is, or null when neither flag is given.
   *
   * @throws UsageException naming the flag whose value is not allowed
   */
  @Nullable NodeIdentity identity() {
    if (node == null && location == null) {
      return null;
    }
    String name = node == null ? DEFAULT_NODE : node;
    String at = location == null ? NodeIdentity.NO_LOCATION : location;
    try {
      new NodeIdentity(name, NodeIdentity.NO_LOCATION);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--node: " + e.getMessage());
    }
    try {
      return new NodeIdentity(name, at);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--location: " + e.getMessage());
    }
  }

  /**
   * Checks the flags and, when given, says what they do today: with no PostgreSQL store there is no
   * cluster to join, so this node runs every monitor itself.
   */
  void apply(PrintWriter out) {
    NodeIdentity self = identity();
    if (self == null) {
      return;
    }
    out.printf(
        "Node %s%s: no PostgreSQL store is configured, so this node runs alone and probes every"
            + " monitor itself (see docs/clustering.md)%n",
        self.node(), self.located() ? " in " + self.location() : "");
    out.flush();
  }
}
