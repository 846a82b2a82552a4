package dev.tickr.ui;

import dev.tickr.web.Html;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;

/**
 * The form fields of the admin pages, all alike: a {@code <label for>}, the control (its id is the
 * API's field name), a hint and an error slot, both linked by {@code aria-describedby}. The pages'
 * scripts fill a field's error slot ({@code <id>-error}) with what the API said about the JSON
 * Pointer that names it.
 *
 * <p>Labels and values are text (escaped here); hints and extra attributes are HTML, escaped by the
 * caller.
 */
final class Forms {
  private Forms() {}

  /** A text {@code <input>}; {@code type} is text, number, password, url, time, ... */
  static void input(
      StringBuilder h, String id, String label, String type, String value, String hint) {
    input(h, id, label, type, value, hint, "");
  }

  /**
   * @param attributes more attributes, already escaped, such as {@code placeholder="30s"}
   */
  static void input(
      StringBuilder h,
      String id,
      String label,
      String type,
      String value,
      String hint,
      String attributes) {
    open(h, id, label);
    h.append("<input id=\"")
        .append(id)
        .append("\" type=\"")
        .append(type)
        .append("\" value=\"")
        .append(Html.escape(value))
        .append('"')
        .append(describedBy(id, hint));
    if (!attributes.isEmpty()) {
      h.append(' ').append(attributes);
    }
    h.append('>');
    close(h, id, hint);
  }

  static void textarea(
      StringBuilder h, String id, String label, String value, int rows, String hint) {
    textarea(h, id, label, value, rows, hint, "");
  }

  static void textarea(
      StringBuilder h,
      String id,
      String label,
      String value,
      int rows,
      String hint,
      String attributes) {
    open(h, id, label);
    h.append("<textarea id=\"")
        .append(id)
        .append("\" rows=\"")
        .append(rows)
        .append('"')
        .append(describedBy(id, hint))
        .append(" spellcheck=\"false\"");
    if (!attributes.isEmpty()) {
      h.append(' ').append(attributes);
    }
    // A newline right after <textarea> is dropped by parsers: keep a leading one in the value.
    h.append(">\n").append(Html.escape(value)).append("</textarea>");
    close(h, id, hint);
  }

  /**
   * @param options value → what it reads as
   */
  static void select(
      StringBuilder h,
      String id,
      String label,
      Map<String, String> options,
      String selected,
      String hint) {
    open(h, id, label);
    h.append("<select id=\"").append(id).append('"').append(describedBy(id, hint)).append('>');
    options.forEach(
        (value, text) -> {
          h.append("<option value=\"").append(Html.escape(value)).append('"');
          if (value.equals(selected)) {
            h.append(" selected");
          }
          h.append('>').append(Html.escape(text)).append("</option>");
        });
    h.append("</select>");
    close(h, id, hint);
  }

  private static void open(StringBuilder h, String id, String label) {
    h.append("<div class=\"field\" id=\"field-")
        .append(id)
        .append("\"><label for=\"")
        .append(id)
        .append("\">")
        .append(Html.escape(label))
        .append("</label>");
  }

  private static void close(StringBuilder h, String id, String hint) {
    if (!hint.isEmpty()) {
      h.append("<span class=\"hint\" id=\"").append(id).append("-hint\">").append(hint);
      h.append("</span>");
    }
    error(h, id);
    h.append("</div>");
  }

  /** The slot where a script puts what is wrong with a field. */
  static void error(StringBuilder h, String id) {
    h.append("<span class=\"problem field-error\" id=\"").append(id).append("-error\"></span>");
  }

  static String describedBy(String id, String hint) {
    return " aria-describedby=\"" + (hint.isEmpty() ? "" : id + "-hint ") + id + "-error\"";
  }

  /**
   * The summary of a form's problems: empty until a script fills it, then read out at once ({@code
   * role="alert"}).
   */
  static void problems(StringBuilder h, String id) {
    h.append("<div id=\"")
        .append(id)
        .append("\" class=\"problem form-problems\" role=\"alert\" tabindex=\"-1\"></div>");
  }

  /** A name as part of an element id: letters, digits, {@code -} and {@code _} only. */
  static String slug(String s) {
    String out = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    return out.isEmpty() ? "-" : out;
  }

  /** A whole page saying the user may not do this (viewers), with status 403. */
  static void forbidden(Context ctx, String title, Layout.Nav nav, String why) {
    ctx.status(HttpStatus.FORBIDDEN);
    Layout.render(
        ctx,
        title,
        nav,
        "<h1>"
            + Html.escape(title)
            + "</h1><p class=\"note\" id=\"forbidden\">"
            + Html.escape(why)
            + "</p><p><a href=\"/\">Back to the overview</a></p>");
  }

  /** A whole page saying there is no such thing, with status 404. */
  static void notFound(Context ctx, String title, Layout.Nav nav, String why) {
    ctx.status(HttpStatus.NOT_FOUND);
    Layout.render(
        ctx,
        title,
        nav,
        "<h1>"
            + Html.escape(title)
            + "</h1><p class=\"note\">"
            + Html.escape(why)
            + "</p><p><a href=\"/\">Back to the overview</a></p>");
  }
}
