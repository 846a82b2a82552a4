package dev.tickr.web;

import org.jspecify.annotations.Nullable;

/** The login form: plain HTML with labels, no script and nothing loaded from elsewhere. */
final class LoginPage {
  private LoginPage() {}

  static String html(String next, String user, String csrf, @Nullable String error) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Log in · Tickr</title><style>")
        .append("body{font:16px system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}")
        .append("main{max-width:22rem;margin:12vh auto;padding:2rem;background:#fff;")
        .append("border:1px solid #d0d7de;border-radius:8px}h1{margin-top:0;font-size:1.5rem}")
        .append("label{display:block;margin:1rem 0 .3rem;font-weight:600}")
        .append("input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;")
        .append("border:1px solid #8c959f;border-radius:6px}")
        .append("button{margin-top:1.5rem;width:100%;padding:.6rem;font:inherit;font-weight:600;")
        .append("color:#fff;background:#1f6feb;border:0;border-radius:6px;cursor:pointer}")
        .append("button:focus-visible,input:focus-visible{outline:3px solid #0969da;")
        .append("outline-offset:2px}.error{color:#b3261e;font-weight:600}")
        .append("@media(prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}")
        .append("main{background:#161b22;border-color:#30363d}input{background:#0d1117;")
        .append("color:#e6edf3}.error{color:#ff7b72}}</style></head><body><main>")
        .append("<h1>Tickr</h1>");
    if (error != null) {
      html.append("<p class=\"error\" role=\"alert\" id=\"login-error\">")
          .append(Html.escape(error))
          .append("</p>");
    }
    String described = error == null ? "" : " aria-describedby=\"login-error\"";
    html.append("<form method=\"post\" action=\"/login\">")
        .append("<input type=\"hidden\" name=\"csrf\" value=\"")
        .append(Html.escape(csrf))
        .append("\"><input type=\"hidden\" name=\"next\" value=\"")
        .append(Html.escape(next))
        .append("\"><label for=\"username\">User name</label>")
        .append("<input id=\"username\" name=\"username\" autocomplete=\"username\"")
        .append(" autocapitalize=\"none\" spellcheck=\"false\" required")
        .append(described)
        .append(user.isEmpty() ? " autofocus" : "")
        .append(" value=\"")
        .append(Html.escape(user))
        .append("\"><label for=\"password\">Password</label>")
        .append("<input id=\"password\" name=\"password\" type=\"password\"")
        .append(" autocomplete=\"current-password\" required")
        .append(described)
        .append(user.isEmpty() ? "" : " autofocus")
        .append("><button type=\"submit\">Log in</button></form></main></body></html>");
    return html.toString();
  }

  /** A "Log out" button for a page of a logged-in user; empty without a session. */
  static String logoutForm(String user, @Nullable String csrf) {
    if (csrf == null) {
      return "";
    }
    return "<form method=\"post\" action=\"/logout\" style=\"display:inline\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\""
        + Html.escape(csrf)
        + "\"><small>Logged in as "
        + Html.escape(user)
        + " </small><button type=\"submit\">Log out</button></form>";
  }
}
