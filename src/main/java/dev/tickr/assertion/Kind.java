package dev.tickr.assertion;

/** What an operand is known to hold before any observation, used to reject nonsense early. */
enum Kind {
  NUMBER("a number"),
  DURATION("a duration"),
  BOOLEAN("true or false"),
  TEXT("text"),
  /** A JSON value, a header or the body: anything, known only once resolved. */
  ANY("any value");

  private final String phrase;

  Kind(String phrase) {
    this.phrase = phrase;
  }

  String phrase() {
    return phrase;
  }

  boolean numeric() {
    return this == NUMBER || this == DURATION || this == ANY;
  }
}
