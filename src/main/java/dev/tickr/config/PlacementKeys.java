package dev.tickr.config;

import dev.tickr.config.Node.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a monitor's {@code locations: [eu, us]} and {@code confirm: K}, each problem at its place.
 * {@code confirm} defaults to a majority of the locations; one given in {@code defaults:} is
 * ignored by a monitor without locations, one the monitor writes itself is a problem there.
 */
final class PlacementKeys {
  private static final Pattern NAME = Pattern.compile(Placement.NAME);

  private final Read read;

  PlacementKeys(Read read) {
    this.read = read;
  }

  /**
   * The monitor's placement, or null after a problem.
   *
   * @param fields the monitor's keys laid over {@code defaults:}
   * @param own the keys the monitor writes itself
   * @param name the monitor's name, for a problem found in {@code defaults:}
   */
  @Nullable Placement read(Fields fields, Fields own, @Nullable String name) {
    Node locationsNode = fields.get("locations");
    Node confirmNode = fields.get("confirm");
    List<String> locations = locationsNode == null ? List.of() : locations(locationsNode);
    if (locations == null) {
      return null;
    }
    if (confirmNode == null) {
      return new Placement(locations, Placement.majority(locations.size()));
    }
    if (locations.isEmpty()) {
      if (!own.has("confirm")) {
        return Placement.NONE; // confirm: in defaults: serves only monitors with locations
      }
      read.problem(
          confirmNode.at(),
          "confirm needs locations: it counts how many of a monitor's locations must agree;"
              + " add locations: [eu, us] or remove confirm");
      return null;
    }
    Integer confirm = read.integer(confirmNode, "confirm", 1, Integer.MAX_VALUE);
    if (confirm == null) {
      return null;
    }
    if (confirm > locations.size()) {
      boolean inDefaults = !own.has("confirm");
      read.problem(
          confirmNode.at(),
          "confirm must be at most the number of locations ("
              + locations.size()
              + "), got "
              + confirm
              + (inDefaults && name != null ? " for monitor " + Node.quote(name) : ""));
      return null;
    }
    return new Placement(locations, confirm);
  }

  private @Nullable List<String> locations(Node node) {
    List<Scalar> items = read.strings(node, "locations");
    if (items == null) {
      return null;
    }
    int before = read.problems().count();
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Scalar item = items.get(i);
      String text = item.text().strip();
      if (!NAME.matcher(text).matches()) {
        read.problem(
            item.at(),
            "locations["
                + i
                + "] must be a name of letters, digits, - and _ (at most 32), got "
                + Node.describe(item));
      } else if (!seen.add(text)) {
        read.problem(item.at(), "location " + Node.quote(text) + " is named twice");
      } else {
        out.add(text);
      }
    }
    if (items.isEmpty() && read.problems().count() == before) {
      read.problem(node.at(), "locations must name at least one location, e.g. [eu, us]");
      return null;
    }
    return read.problems().count() == before ? out : null;
  }
}
