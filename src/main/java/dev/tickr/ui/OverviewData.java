package dev.tickr.ui;

import dev.tickr.config.MonitorSpec;
import dev.tickr.daemon.DaemonControl;
import dev.tickr.incident.MonitorState;
import dev.tickr.incident.MonitorStatus;
import dev.tickr.incident.ShownState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Gathers what the overview shows for a query: filters and sorts the daemon's in-memory states of
 * every monitor (problems first, then by name), cuts out the page asked for, and reads figures from
 * the store only for the rows of that page.
 */
final class OverviewData {
  static final int PAGE_SIZE = 100;

  private final DaemonControl daemon;
  private final OverviewFigures figures;
  private final Clock clock;
  private final Supplier<List<ChannelView>> channels;

  OverviewData(
      DaemonControl daemon,
      OverviewFigures figures,
      Clock clock,
      Supplier<List<ChannelView>> channels) {
    this.daemon = daemon;
    this.figures = figures;
    this.clock = clock;
    this.channels = channels;
  }

  OverviewView view(OverviewQuery query) {
    Instant now = clock.instant();
    Map<String, MonitorStatus> statuses = daemon.tracker().snapshot();
    Map<String, ShownState> states = daemon.tracker().shown(now);
    List<MonitorSpec> specs = daemon.config().monitors();
    Map<MonitorState, Integer> counts = new EnumMap<>(MonitorState.class);
    TreeSet<String> tags = new TreeSet<>();
    List<OverviewRow> matching = new ArrayList<>();
    for (MonitorSpec spec : specs) {
      tags.addAll(spec.tags());
      OverviewRow row =
          OverviewRow.of(
              spec,
              statuses.get(spec.name()),
              states.getOrDefault(spec.name(), ShownState.UNKNOWN));
      if (!query.matches(row)) {
        continue;
      }
      counts.merge(row.state(), 1, Integer::sum);
      if (query.shows(row.state())) {
        matching.add(row);
      }
    }
    matching.sort(
        Comparator.comparingInt((OverviewRow r) -> OverviewView.ORDER.indexOf(r.state()))
            .thenComparing(OverviewRow::name, String.CASE_INSENSITIVE_ORDER));
    int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(query.page(), pages);
    List<OverviewRow> rows = onPage(matching, page);
    int failing = (int) channels.get().stream().filter(ChannelView::failing).count();
    return new OverviewView(
        query.onPage(page),
        counts,
        specs.size(),
        matching.size(),
        pages,
        rows,
        figures.of(rows, now, specs.size()),
        List.copyOf(tags),
        failing);
  }

  private static List<OverviewRow> onPage(List<OverviewRow> sorted, int page) {
    return List.copyOf(
        sorted.subList(
            Math.min(sorted.size(), (page - 1) * PAGE_SIZE),
            Math.min(sorted.size(), page * PAGE_SIZE)));
  }
}
