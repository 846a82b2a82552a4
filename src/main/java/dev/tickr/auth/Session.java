package dev.tickr.auth;

import java.util.Objects;

/**
 * A logged-in dashboard session.
 *
 * @param id the session cookie's value: a secret, never logged or shown
 * @param csrfToken what every state-changing request of this session must carry (form field {@code
 *     csrf} or header {@code X-CSRF-Token}); derived from the id, so it lives as long as the
 *     session
 */
public record Session(String id, Principal principal, String csrfToken) {
  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(csrfToken, "csrfToken");
  }

  /** Leaves the id and the CSRF token out. */
  @Override
  public String toString() {
    return "Session[" + principal + "]";
  }
}
