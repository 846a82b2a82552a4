package dev.tickr.config;

import dev.tickr.config.Node.Invalid;
import dev.tickr.config.Node.Scalar;
import dev.tickr.config.Node.Style;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in a string with the variable from the injected environment; <code>
 * $${</code> writes a literal <code>${</code>. A value that used a variable is secret from then on.
 * A missing variable is reported where it is written, and the value becomes {@link Node.Invalid}.
 */
final class Interpolation {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, String> environment;
  private final Problems problems;
  private final Set<String> substituted = new LinkedHashSet<>();
  private final String variable;

  Interpolation(Map<String, String> environment, Problems problems) {
    this(environment, problems, "environment variable ");
  }

  /**
   * @param variable how a missing name is introduced, e.g. {@code "environment variable "}
   */
  Interpolation(Map<String, String> environment, Problems problems, String variable) {
    this.environment = environment;
    this.problems = problems;
    this.variable = variable;
  }

  /** Every value a {@code ${NAME}} was replaced with so far. */
  Set<String> substituted() {
    return Set.copyOf(substituted);
  }

  Node apply(Scalar scalar) {
    String text = scalar.text();
    if (text.indexOf('$') < 0) {
      return scalar;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    boolean substituted = false;
    boolean failed = false;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
        changed = true;
      } else if (text.startsWith("${", i)) {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          problems.add(scalar.at(i), "${ is not closed by } (write $${ for a literal ${)");
          failed = true;
          break;
        }
        String name = text.substring(i + 2, close);
        String value = environment.get(name);
        if (!NAME.matcher(name).matches()) {
          problems.add(
              scalar.at(i),
              "${"
                  + name
                  + "} is not a variable name (letters, digits and _; write $${ for a"
                  + " literal ${)");
          failed = true;
        } else if (value == null) {
          problems.add(
              scalar.at(i),
              variable + name + " is not set" + Suggestions.didYouMean(name, environment.keySet()));
          failed = true;
        } else {
          out.append(value);
          this.substituted.add(value);
          substituted = true;
        }
        i = close + 1;
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    if (failed) {
      return new Invalid(scalar.at());
    }
    if (!changed && !substituted) {
      return scalar;
    }
    // A substituted value is a string whatever it looks like, and its offsets no longer match.
    return new Scalar(
        out.toString(), Style.QUOTED, scalar.secret() || substituted, false, scalar.at());
  }
}
