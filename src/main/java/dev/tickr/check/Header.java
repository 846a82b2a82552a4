package dev.tickr.check;

/**
 * One HTTP header. {@code secret} marks a value that must never be shown (auth, API keys); output
 * code shows {@link #display()} instead of the value.
 */
public record Header(String name, String value, boolean secret) {

  public static Header plain(String name, String value) {
    return new Header(name, value, false);
  }

  public static Header secret(String name, String value) {
    return new Header(name, value, true);
  }

  public String display() {
    return secret ? "***" : value;
  }

  /** Never the secret value: records print their fields, and this one may be logged. */
  @Override
  public String toString() {
    return name + ": " + display();
  }
}
