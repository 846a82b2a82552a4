package dev.tickr.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where and how long results are kept.
 *
 * @param path where the data lives, as written (relative paths are for the caller to resolve); null
 *     for the command line's {@code --data} default
 * @param rawRetention how long every single check result is kept
 * @param rollupRetention how long the per-period rollups are kept
 */
public record StorageSpec(@Nullable Path path, Duration rawRetention, Duration rollupRetention) {
  public static final Duration DEFAULT_RAW_RETENTION = Duration.ofDays(7);
  public static final Duration DEFAULT_ROLLUP_RETENTION = Duration.ofDays(400);
  public static final Duration MIN_RAW_RETENTION = Duration.ofHours(1);
  public static final Duration MIN_ROLLUP_RETENTION = Duration.ofDays(1);

  public static final StorageSpec DEFAULT =
      new StorageSpec(null, DEFAULT_RAW_RETENTION, DEFAULT_ROLLUP_RETENTION);
}
