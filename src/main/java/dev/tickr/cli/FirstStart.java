package dev.tickr.cli;

import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.Users;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/** What {@code tickr run} does once, on a data directory without users: the first admin. */
final class FirstStart {
  private FirstStart() {}

  /**
   * Makes the user {@code admin} when there is none and says so on {@code out}, with the password
   * when Tickr generated it (the only time it is shown; it is never logged).
   *
   * @return false when {@code TICKR_ADMIN_PASSWORD} is unusable (said on {@code err})
   */
  static boolean admin(
      Accounts accounts, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    Optional<Users.FirstAdmin> made;
    try {
      made = accounts.users().createFirstAdmin(environment);
    } catch (AccountException e) {
      err.println("run: " + e.getMessage());
      err.flush();
      return false;
    }
    if (made.isEmpty()) {
      return true;
    }
    String password = made.get().generatedPassword();
    if (password == null) {
      out.printf(
          "Created user %s with the password from %s.%n",
          made.get().name(), Users.PASSWORD_VARIABLE);
    } else {
      out.printf(
          "Created user %s with password %s%n"
              + "  Keep it now: it is not shown again. Change it with `tickr user password %s`.%n",
          made.get().name(), password, made.get().name());
    }
    out.flush();
    return true;
  }
}
