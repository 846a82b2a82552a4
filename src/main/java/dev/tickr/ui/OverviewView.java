package dev.tickr.ui;

import dev.tickr.incident.MonitorState;
import java.util.List;
import java.util.Map;

/**
 * One answer of the overview: the rows of the page asked for, their figures, and the counts.
 *
 * @param query the query, with its page within the pages there are
 * @param counts rows by state, after the search and the tag filter but before the state filter
 * @param total every monitor, filtered or not
 * @param matching the rows that pass every filter, on any page
 * @param tags every tag of every monitor, sorted
 * @param failingChannels how many alert channels fail to deliver
 */
record OverviewView(
    OverviewQuery query,
    Map<MonitorState, Integer> counts,
    int total,
    int matching,
    int pages,
    List<OverviewRow> rows,
    Map<String, OverviewFigures.Figures> figures,
    List<String> tags,
    int failingChannels) {

  /** The order problems come in: worst first. */
  static final List<MonitorState> ORDER =
      List.of(
          MonitorState.DOWN,
          MonitorState.DEGRADED,
          MonitorState.PENDING,
          MonitorState.MAINTENANCE,
          MonitorState.PAUSED,
          MonitorState.UP);

  int count(MonitorState state) {
    return counts.getOrDefault(state, 0);
  }
}
