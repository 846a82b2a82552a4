package dev.tickr.web;

import java.util.List;

/**
 * Whether Tickr can do its job now, for {@code /readyz}: each part checked, with what is wrong. The
 * composition root says what the parts are (config, scheduler, store); the web server only answers.
 */
public interface Readiness {
  /** Always ready: for a web server without a daemon behind it. */
  Readiness ALWAYS = () -> List.of();

  /** Each part, in a fixed order; ready when every part is ok. */
  List<Part> check();

  /**
   * @param name {@code config}, {@code scheduler}, {@code store}
   * @param problem what is wrong, or {@code null} when the part is ok
   */
  record Part(String name, @org.jspecify.annotations.Nullable String problem) {
    public static Part ok(String name) {
      return new Part(name, null);
    }

    public boolean isOk() {
      return problem == null;
    }
  }
}
