package dev.tickr.config;

import java.util.List;

/**
 * The config as a tree of values that each know where they were written, after {@code ${NAME}}
 * substitution and {@code <<} merges. Readers judge this tree: the loader's, and each monitor
 * type's reader of its own keys.
 */
public sealed interface Node permits Node.Scalar, Node.Sequence, Node.Mapping, Node.Invalid {

  Location at();

  public enum Style {
    PLAIN,
    QUOTED,
    BLOCK
  }

  /**
   * A scalar as text; what it means (a duration, a number) is for the reader to decide.
   *
   * @param secret the value came from the environment and must never be shown
   * @param exact the text sits on one line exactly as written, so an offset into it is a column
   */
  public record Scalar(String text, Style style, boolean secret, boolean exact, Location at)
      implements Node {

    /** YAML's null: nothing, {@code ~} or {@code null}, unquoted. */
    public boolean isNull() {
      return style == Style.PLAIN
          && (text.isEmpty()
              || text.equals("~")
              || text.equals("null")
              || text.equals("Null")
              || text.equals("NULL"));
    }

    /** Where the character at {@code offset} of the text was written, when that is known. */
    public Location at(int offset) {
      if (!exact) {
        return at;
      }
      return at.plus(offset + (style == Style.QUOTED ? 1 : 0));
    }

    @Override
    public String toString() {
      return secret ? "***" : text;
    }
  }

  public record Sequence(List<Node> items, Location at) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  public record Mapping(List<Entry> entries, Location at) implements Node {
    public Mapping {
      entries = List.copyOf(entries);
    }
  }

  public record Entry(Scalar key, Node value) {}

  /** A value already reported as a problem (say, a missing variable): present, not judged again. */
  public record Invalid(Location at) implements Node {}

  /** How a value reads in a message: {@code "500ms"}, {@code 30}, {@code a list}, {@code ***}. */
  public static String describe(Node node) {
    return switch (node) {
      case Sequence s -> "a list";
      case Mapping m -> "a mapping";
      case Invalid i -> "an invalid value";
      case Scalar s -> describe(s);
    };
  }

  private static String describe(Scalar s) {
    if (s.secret()) {
      return "***";
    }
    if (s.isNull()) {
      return "nothing";
    }
    if (s.style() == Style.PLAIN && s.text().matches("[-+]?\\d+(\\.\\d+)?")) {
      return s.text();
    }
    return quote(s.text());
  }

  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
