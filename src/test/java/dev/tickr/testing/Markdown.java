package dev.tickr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables and inline code of the user docs, for tests that check what the docs claim. */
public final class Markdown {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private Markdown() {}

  /** A table: its header cells and its rows' cells, trimmed; {@code \|} in a cell stays escaped. */
  public record Table(List<String> header, List<List<String>> rows) {}

  /** Every table of {@code file}, in order. */
  public static List<Table> tables(Path file) {
    List<String> lines = lines(file);
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).strip().startsWith("|") || !lines.get(i + 1).strip().startsWith("|---")) {
        continue;
      }
      List<String> header = cells(lines.get(i));
      List<List<String>> rows = new ArrayList<>();
      for (i += 2; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
        rows.add(cells(lines.get(i)));
      }
      tables.add(new Table(header, rows));
    }
    return tables;
  }

  /**
   * The one table of {@code file} whose header starts with {@code firstCells}.
   *
   * @throws AssertionError unless exactly one such table exists, so a test cannot pass on a table
   *     that was renamed or dropped
   */
  public static Table table(Path file, String... firstCells) {
    List<Table> found =
        tables(file).stream()
            .filter(
                t ->
                    t.header().size() >= firstCells.length
                        && t.header().subList(0, firstCells.length).equals(List.of(firstCells)))
            .toList();
    if (found.size() != 1 || found.get(0).rows().isEmpty()) {
      throw new AssertionError(
          found.size() + " tables headed " + List.of(firstCells) + "... in " + file + ", not 1");
    }
    return found.get(0);
  }

  /** The text of each inline code span in {@code text}, in order. */
  public static List<String> code(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      out.add(m.group(1).replace("\\|", "|"));
    }
    return out;
  }

  /** The lines of {@code file}, joined where a paragraph wraps, so a sentence is one string. */
  public static List<String> paragraphs(Path file) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines(file)) {
      String text = line.strip();
      boolean breaks =
          text.isEmpty() || text.startsWith("|") || text.startsWith("#") || text.startsWith("```");
      if (breaks || text.startsWith("- ")) {
        if (current.length() > 0) {
          out.add(current.toString());
          current.setLength(0);
        }
      }
      if (!breaks) {
        current.append(current.length() == 0 ? "" : " ").append(text);
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private static List<String> cells(String row) {
    String text = row.strip();
    int end = text.endsWith("|") && text.length() > 1 ? text.length() - 1 : text.length();
    text = text.substring(1, end);
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '|') {
        cell.append("\\|");
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().strip());
    return cells;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
