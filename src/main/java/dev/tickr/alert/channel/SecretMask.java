package dev.tickr.alert.channel;

import dev.tickr.check.Redaction;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces a channel's secret values (tokens, keys, passwords, webhook URLs) with {@code ***}
 * wherever they would show: a provider's answer, an error message. Values shorter than {@value
 * #MIN_LENGTH} characters are not masked, since masking them would garble every other word.
 */
final class SecretMask {
  static final int MIN_LENGTH = 3;

  private final List<String> secrets;

  SecretMask(Collection<String> secrets) {
    this.secrets =
        secrets.stream()
            .filter(s -> s.length() >= MIN_LENGTH)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  String apply(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, Redaction.MASK);
    }
    return out;
  }

  @Override
  public String toString() {
    return "SecretMask[" + secrets.size() + " secrets]";
  }
}
