package dev.tickr.assertion;

/**
 * A condition that cannot be parsed, with the 1-based column of the offending token so that callers
 * can print {@code file:line:col: message} or a {@link #pointer()}.
 */
public final class ConditionSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String condition;
  private final int column;

  public ConditionSyntaxException(String message, String condition, int column) {
    super(message);
    this.condition = condition;
    this.column = Math.max(1, Math.min(column, condition.length() + 1));
  }

  /** The condition as given. */
  public String condition() {
    return condition;
  }

  /** 1-based column of the offending token; one past the end when something is missing there. */
  public int column() {
    return column;
  }

  /** Two lines: the condition, then a caret under {@link #column()}. */
  public String pointer() {
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < column - 1; i++) {
      caret.append(condition.charAt(i) == '\t' ? '\t' : ' ');
    }
    return condition + "\n" + caret + "^";
  }
}
