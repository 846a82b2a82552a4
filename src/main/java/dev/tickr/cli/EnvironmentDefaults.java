package dev.tickr.cli;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code TICKR_CONFIG}, {@code TICKR_DATA}, {@code TICKR_LISTEN}, {@code TICKR_LOG_FORMAT} and
 * {@code TICKR_LOG_LEVEL} as the defaults of {@code -c/--config}, {@code --data}, {@code --listen},
 * {@code --log-format} and {@code --log-level}, so that a package or a container needs no command
 * line; a flag given on the command line wins.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
  /** The variable of each option, by its long name. */
  static final Map<String, String> VARIABLES =
      Map.of(
          "--config", "TICKR_CONFIG",
          "--data", "TICKR_DATA",
          "--listen", "TICKR_LISTEN",
          "--log-format", "TICKR_LOG_FORMAT",
          "--log-level", "TICKR_LOG_LEVEL");

  /**
   * Commands whose option of one of those names means something else ({@code check -d}), or that
   * must not take the real daemon's ({@code demo} keeps to a directory and a port of its own).
   */
  private static final java.util.Set<String> NOT_FOR = java.util.Set.of("check", "demo");

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public @Nullable String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)
        || option.command() == null
        || NOT_FOR.contains(option.command().name())) {
      return null;
    }
    return set(environment, VARIABLES.get(option.longestName()));
  }

  /** Whether the variable that stands for {@code option} (a long name) is set. */
  static boolean given(Map<String, String> environment, String option) {
    return set(environment, VARIABLES.get(option)) != null;
  }

  private static @Nullable String set(Map<String, String> environment, @Nullable String name) {
    if (name == null) {
      return null;
    }
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
