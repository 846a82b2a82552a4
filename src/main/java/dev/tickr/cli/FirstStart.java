package dev.tickr.cli;

import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.Passwords;
import dev.tickr.auth.Users;
import dev.tickr.store.SqliteStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** What {@code tickr run} does once, on a data directory without users: the first admin. */
final class FirstStart {
  private FirstStart() {}

  /**
   * Hashes the first admin's password on another core when {@code dataDir} has no database yet (so
   * there will be no user), while {@code tickr run} reads its config: Argon2id is slow on purpose,
   * and start-up need not wait for it twice. Nothing is written.
   *
   * @return null when the directory has a database already
   */
  static @Nullable CompletableFuture<Users.FirstAdminPlan> planAhead(
      Map<String, String> environment, Path dataDir) {
    if (Files.exists(dataDir.resolve(SqliteStore.FILE_NAME))) {
      return null;
    }
    CompletableFuture<Users.FirstAdminPlan> plan = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("tickr-first-admin")
        .start(
            () -> {
              try {
                SecureRandom random = new SecureRandom();
                plan.complete(Users.planFirstAdmin(environment, new Passwords(random), random));
              } catch (RuntimeException e) {
                plan.completeExceptionally(e);
              }
            });
    return plan;
  }

  /**
   * Makes the user {@code admin} when there is none and says so on {@code out}, with the password
   * when Tickr generated it (the only time it is shown; it is never logged).
   *
   * @param ahead the password hashed ahead by {@link #planAhead}, or null to hash it now
   * @return false when {@code TICKR_ADMIN_PASSWORD} is unusable (said on {@code err})
   */
  static boolean admin(
      Accounts accounts,
      Map<String, String> environment,
      @Nullable CompletableFuture<Users.FirstAdminPlan> ahead,
      PrintWriter out,
      PrintWriter err) {
    Optional<Users.FirstAdmin> made;
    try {
      made =
          ahead == null
              ? accounts.users().createFirstAdmin(environment)
              : accounts.users().createFirstAdmin(() -> await(ahead));
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

  private static Users.FirstAdminPlan await(CompletableFuture<Users.FirstAdminPlan> ahead) {
    try {
      return ahead.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause; // AccountException for an unusable TICKR_ADMIN_PASSWORD
      }
      throw e;
    }
  }
}
