package dev.tickr.cluster;

import dev.tickr.config.Placement;
import java.util.regex.Pattern;

/**
 * Who this node is in a cluster ({@code tickr run --node NAME --location L}).
 *
 * @param node a name unique among the nodes sharing one store
 * @param location where its checks run from, or {@link #NO_LOCATION}
 */
public record NodeIdentity(String node, String location) {
  /** The location of a node started without {@code --location}. */
  public static final String NO_LOCATION = "";

  private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern LOCATION = Pattern.compile(Placement.NAME);

  public NodeIdentity {
    if (!NODE.matcher(node).matches()) {
      throw new IllegalArgumentException(
          "a node name is letters, digits, '.', '-' and '_' (at most 63), starting with a letter"
              + " or digit; got \""
              + node
              + "\"");
    }
    if (!location.equals(NO_LOCATION) && !LOCATION.matcher(location).matches()) {
      throw new IllegalArgumentException(
          "a location is letters, digits, '-' and '_' (at most 32), starting with a letter or"
              + " digit; got \""
              + location
              + "\"");
    }
  }

  public boolean located() {
    return !location.equals(NO_LOCATION);
  }
}
