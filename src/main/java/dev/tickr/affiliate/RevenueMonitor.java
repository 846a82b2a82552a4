package dev.tickr.affiliate;

import dev.tickr.config.Revenue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A revenue-relevant monitor as the impact report takes it.
 *
 * @param claim how long its missed conversions can be claimed, or null when nobody says
 * @param maintenance the maintenance windows' occurrences that cover it in the report's period
 */
public record RevenueMonitor(
    String name, Revenue revenue, @Nullable ClaimRule claim, List<Excluded> maintenance) {
  public RevenueMonitor {
    maintenance = List.copyOf(maintenance);
  }

  /**
   * Monitors that share a volume source carry the same conversions: time counts once among them.
   */
  String volumeGroup() {
    return revenue.volumeSource(name);
  }
}
