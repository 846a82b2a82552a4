package dev.tickr.config;

import dev.tickr.config.Node.Mapping;
import dev.tickr.time.Durations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Reads {@code storage:}. */
final class StorageReader {
  private final Problems problems;
  private final Read read;

  StorageReader(Problems problems) {
    this.problems = problems;
    this.read = new Read(problems);
  }

  /** The storage settings, or {@code null} after a problem. */
  @Nullable StorageSpec read(@Nullable Node node) {
    Mapping mapping = node == null ? null : read.mapping(node, "storage", "a mapping");
    if (mapping == null) {
      return null;
    }
    int before = problems.count();
    Fields fields = Fields.of(mapping);
    fields.rejectUnknown(Keys.STORAGE, problems);
    Path path = null;
    Node pathNode = fields.get("path");
    if (pathNode != null) {
      String text = read.nonEmptyText(pathNode, "path");
      try {
        path = text == null ? null : Path.of(text);
      } catch (InvalidPathException e) {
        read.problem(pathNode.at(), "path is not a valid path: " + e.getReason());
      }
    }
    Node rawNode = fields.get("raw-retention");
    Duration raw =
        rawNode == null
            ? StorageSpec.DEFAULT_RAW_RETENTION
            : read.duration(rawNode, "raw-retention", StorageSpec.MIN_RAW_RETENTION);
    Node rollupNode = fields.get("rollup-retention");
    Duration rollup =
        rollupNode == null
            ? StorageSpec.DEFAULT_ROLLUP_RETENTION
            : read.duration(rollupNode, "rollup-retention", StorageSpec.MIN_ROLLUP_RETENTION);
    if (raw != null && rollup != null && rollup.compareTo(raw) < 0) {
      if (rollupNode != null) {
        read.problem(
            rollupNode.at(),
            "rollup-retention must not be shorter than raw-retention ("
                + Durations.format(raw)
                + "), got "
                + Node.describe(rollupNode));
      } else if (rawNode != null) {
        read.problem(
            rawNode.at(),
            "raw-retention must not be longer than rollup-retention ("
                + Durations.format(rollup)
                + "), got "
                + Node.describe(rawNode));
      }
    }
    if (raw == null || rollup == null || problems.count() > before) {
      return null;
    }
    return new StorageSpec(path, raw, rollup);
  }
}
