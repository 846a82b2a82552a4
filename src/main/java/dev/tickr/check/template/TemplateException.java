package dev.tickr.check.template;

/**
 * A template that cannot be read: what is wrong, and at which character of its text (the <code>{{
 * </code> of the placeholder), so that a config problem points at {@code file:line:col}.
 */
public final class TemplateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public TemplateException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** The index in the template's text of the placeholder that is wrong. */
  public int offset() {
    return offset;
  }
}
