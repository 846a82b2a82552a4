package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.Role;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.store.UserChange;
import dev.tickr.store.UserRow;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr user add|password|set-role|delete|list}: dashboard users, in the data directory
 * directly (works while the daemon runs). A password is read from the terminal without echo, from
 * one line of stdin, or from the environment variable named by {@code --password-env}; never from
 * the command line, where other users of the machine could read it.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description =
        "Add, change, delete and list dashboard users (works while `tickr run` is running).",
    synopsisSubcommandLabel = "COMMAND")
final class UserCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  UserCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  @Override
  public Integer call() {
    throw new UsageException(
        "which user command? " + String.join(", ", commandSpec().subcommands().keySet()));
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user who logs in to the dashboard with a password.",
      footer = {"", "Exit codes: 0 added, 2 bad usage (nothing is added)."})
  int add(
      @Parameters(paramLabel = "NAME", description = "Letters, digits, . _ @ -") String name,
      @Option(
              names = "--role",
              required = true,
              paramLabel = "ROLE",
              description = "admin (may do everything) or viewer (may only read).")
          String role,
      @Option(
              names = "--password-env",
              paramLabel = "VAR",
              description = "Read the password from this environment variable.")
          @Nullable String passwordEnv,
      @Mixin DataOptions data) {
    Role parsed =
        Role.of(role)
            .orElseThrow(
                () -> new UsageException("--role must be admin or viewer, got \"" + role + "\""));
    Path dir = data.dir(tickr);
    String password = password(passwordEnv);
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      new Accounts(store, tickr.clock()).users().add(name, password, parsed);
    } catch (AccountException e) {
      throw new UsageException(e.getMessage());
    }
    out().printf("Added user %s (%s).%n", name, parsed);
    out().flush();
    return 0;
  }

  @Command(
      name = "password",
      mixinStandardHelpOptions = true,
      description = "Set a user's password; the user's sessions end.",
      footer = {"", "Exit codes: 0 changed, 1 no such user, 2 bad usage."})
  int password(
      @Parameters(paramLabel = "NAME", description = "The user, e.g. admin.") String name,
      @Option(
              names = "--password-env",
              paramLabel = "VAR",
              description = "Read the new password from this environment variable.")
          @Nullable String passwordEnv,
      @Mixin DataOptions data) {
    Path dir = data.dir(tickr);
    String password = password(passwordEnv);
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      new Accounts(store, tickr.clock()).users().changePassword(name, password);
    } catch (AccountException e) {
      if (e.kind() == AccountException.Kind.NOT_FOUND) {
        commandSpec().commandLine().getErr().println("user password: " + e.getMessage());
        return 1;
      }
      throw new UsageException(e.getMessage());
    }
    out().printf("Changed the password of %s; the user's sessions ended.%n", name);
    out().flush();
    return 0;
  }

  @Command(
      name = "set-role",
      mixinStandardHelpOptions = true,
      description =
          "Give a user another role, from its next request on. A user who stops being an admin"
              + " loses the admin API tokens it made.",
      footer = {
        "",
        "Exit codes: 0 set, 1 no such user or the last admin (nothing changes), 2 bad usage."
      })
  int setRole(
      @Parameters(index = "0", paramLabel = "NAME", description = "The user.") String name,
      @Parameters(index = "1", paramLabel = "ROLE", description = "admin or viewer.") String role,
      @Mixin DataOptions data) {
    Role parsed =
        Role.of(role)
            .orElseThrow(
                () -> new UsageException("ROLE must be admin or viewer, got \"" + role + "\""));
    Path dir = data.dir(tickr);
    UserChange change;
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      change = new Accounts(store, tickr.clock()).users().setRole(name, parsed);
    } catch (AccountException e) {
      return refused("user set-role", e);
    }
    out().printf("%s is %s now%s.%n", name, parsed, revoked(change, "admin "));
    out().flush();
    return 0;
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a user: its sessions end and the API tokens it made are revoked.",
      footer = {"", "Exit codes: 0 deleted, 1 no such user or the last admin (nothing changes)."})
  int delete(
      @Parameters(paramLabel = "NAME", description = "The user.") String name,
      @Mixin DataOptions data) {
    Path dir = data.dir(tickr);
    UserChange change;
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      change = new Accounts(store, tickr.clock()).users().delete(name);
    } catch (AccountException e) {
      return refused("user delete", e);
    }
    out()
        .printf(
            "Deleted user %s; %d session%s ended%s.%n",
            name,
            change.sessionsEnded(),
            change.sessionsEnded() == 1 ? "" : "s",
            revoked(change, ""));
    out().flush();
    return 0;
  }

  /** A refusal on stderr: exit 1 (no such user, last admin); anything else is bad usage. */
  private int refused(String command, AccountException e) {
    if (e.kind() == AccountException.Kind.INVALID) {
      throw new UsageException(e.getMessage());
    }
    commandSpec().commandLine().getErr().println(command + ": " + e.getMessage());
    return 1;
  }

  private static String revoked(UserChange change, String kind) {
    int n = change.tokensRevoked();
    return n == 0
        ? ""
        : ", " + n + " " + kind + "API token" + (n == 1 ? "" : "s") + " it made revoked";
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and roles.")
  int list(@Mixin DataOptions data) {
    Path dir = data.dir(tickr);
    List<UserRow> users;
    try (Store store = SqliteStore.openReadOnly(dir)) {
      users = store.users();
    }
    int width = Math.max(4, users.stream().mapToInt(u -> u.name().length()).max().orElse(4));
    String format = "%-" + width + "s  %-6s  %-19s  %s%n";
    PrintWriter out = out();
    out.printf(Locale.ROOT, format, "NAME", "ROLE", "CREATED", "PASSWORD CHANGED");
    for (UserRow u : users) {
      out.printf(
          Locale.ROOT,
          format,
          u.name(),
          u.role(),
          TIME.format(u.createdAt()),
          TIME.format(u.passwordChangedAt()));
    }
    out.flush();
    return 0;
  }

  /**
   * From {@code --password-env}, else the console (asked twice, without echo), else a line of
   * stdin. Since JDK 22 there is a console also when stdin is a pipe; it then reads the pipe, where
   * one line is enough.
   */
  @SuppressWarnings("SystemConsoleNull") // null on JDK 21 without a terminal: stdin is read
  private String password(@Nullable String variable) {
    if (variable != null) {
      String value = tickr.environment().get(variable);
      if (value == null || value.isEmpty()) {
        throw new UsageException("--password-env: the variable " + variable + " is not set");
      }
      return value;
    }
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      try {
        if (first == null || first.length == 0) {
          throw new UsageException("no password given");
        }
        if (again != null && !Arrays.equals(first, again)) { // null: a pipe with one line
          throw new UsageException("the two passwords differ");
        }
        return new String(first);
      } finally {
        if (first != null) {
          Arrays.fill(first, ' ');
        }
        if (again != null) {
          Arrays.fill(again, ' ');
        }
      }
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new UsageException("no password: give it on stdin, or with --password-env VAR");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PrintWriter out() {
    return commandSpec().commandLine().getOut();
  }

  private picocli.CommandLine.Model.CommandSpec commandSpec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
