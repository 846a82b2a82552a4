package dev.tickr.importer;

import java.util.List;

/**
 * What an import made.
 *
 * @param yaml the Tickr config, ready to be written to a file
 * @param notCarried one line per thing that was not carried over, each saying where and why
 * @param monitors how many monitors the config has
 * @param channels how many channels the config has
 */
public record Imported(String yaml, List<String> notCarried, int monitors, int channels) {
  public Imported {
    notCarried = List.copyOf(notCarried);
  }

  /** Whether everything was carried over. */
  public boolean complete() {
    return notCarried.isEmpty();
  }
}
