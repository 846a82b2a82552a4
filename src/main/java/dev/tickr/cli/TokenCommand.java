package dev.tickr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tickr.Tickr;
import dev.tickr.auth.AccountException;
import dev.tickr.auth.Accounts;
import dev.tickr.auth.ApiToken;
import dev.tickr.auth.ApiTokens;
import dev.tickr.auth.NewToken;
import dev.tickr.auth.Role;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.Store;
import dev.tickr.time.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickr token create|list|revoke}: API tokens, in the data directory directly, so they work
 * while {@code tickr run} runs (a revoked token stops working at the daemon's next request).
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens (works while `tickr run` is running).",
    synopsisSubcommandLabel = "COMMAND")
final class TokenCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Tickr tickr;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  TokenCommand(Tickr tickr) {
    this.tickr = tickr;
  }

  /** Without a subcommand: say which there are, as bad usage. */
  @Override
  public Integer call() {
    throw new UsageException(
        "which token command? " + String.join(", ", commandSpec().subcommands().keySet()));
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Make an API token and print it, once, alone on stdout.",
      footer = {
        "",
        "Only a hash of the token is kept: copy it now. Use it as `Authorization: Bearer <token>`.",
        "Without --expires it works until it is revoked.",
        "Exit codes: 0 created, 2 bad usage (nothing is created)."
      })
  int create(
      @Option(
              names = "--name",
              required = true,
              paramLabel = "NAME",
              description = "Unique among live tokens: letters, digits, . _ @ -")
          String name,
      @Option(
              names = "--role",
              required = true,
              paramLabel = "ROLE",
              description = "admin (may do everything) or viewer (may only read).")
          String role,
      @Option(
              names = "--expires",
              paramLabel = "DURATION",
              description = "Stop working this long from now, e.g. 12h, 30d (1m to 3650d).")
          @Nullable String expires,
      @Mixin DataOptions data) {
    Role parsed =
        Role.of(role)
            .orElseThrow(
                () -> new UsageException("--role must be admin or viewer, got \"" + role + "\""));
    Duration lifetime = expires == null ? null : lifetime(expires);
    Path dir = data.dir(tickr);
    NewToken made;
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      made = new Accounts(store, tickr.clock()).tokens().create(name, parsed, "cli", lifetime);
    } catch (AccountException e) {
      throw new UsageException("--name: " + e.getMessage());
    }
    Instant expiresAt = made.token().expiresAt();
    PrintWriter err = commandSpec().commandLine().getErr();
    err.printf(
        "Created API token #%d \"%s\" (%s%s). It is shown only now; only its hash is kept:%n",
        made.token().id(),
        made.token().name(),
        made.token().role(),
        expiresAt == null ? "" : ", expires " + TIME.format(expiresAt) + " UTC");
    err.flush();
    PrintWriter out = out();
    out.println(made.secret());
    out.flush();
    return 0;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List API tokens, live and revoked (never the tokens themselves).")
  int list(
      @Mixin DataOptions data,
      @Option(names = "--json", description = "Print one JSON object.") boolean json) {
    Path dir = data.dir(tickr);
    List<ApiToken> tokens;
    try (Store store = SqliteStore.openReadOnly(dir)) {
      tokens = new Accounts(store, tickr.clock()).tokens().list();
    }
    PrintWriter out = out();
    out.print(json ? json(tokens) + "\n" : table(tokens));
    out.flush();
    return 0;
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke an API token: it stops working at once, also in a running daemon.",
      footer = {"", "Exit codes: 0 revoked, 1 no live token with that id or name, 2 usage."})
  int revoke(
      @Parameters(paramLabel = "ID_OR_NAME", description = "The token's id or name.")
          String idOrName,
      @Mixin DataOptions data) {
    Path dir = data.dir(tickr);
    Optional<ApiToken> revoked;
    try (Store store = SqliteStore.open(dir, Retention.defaults(), tickr.clock())) {
      revoked = new Accounts(store, tickr.clock()).tokens().revoke(idOrName);
    }
    if (revoked.isEmpty()) {
      commandSpec()
          .commandLine()
          .getErr()
          .println("token revoke: no live token with id or name \"" + idOrName + "\" in " + dir);
      return 1;
    }
    out()
        .printf(
            "Revoked API token #%d \"%s\" (%s).%n",
            revoked.get().id(), revoked.get().name(), revoked.get().role());
    out().flush();
    return 0;
  }

  /** The {@code --expires} text as a lifetime, or bad usage naming the flag. */
  private static Duration lifetime(String text) {
    Duration lifetime;
    try {
      lifetime = Durations.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("--expires: " + e.getMessage());
    }
    try {
      ApiTokens.checkLifetime(lifetime);
    } catch (AccountException e) {
      throw new UsageException("--expires: " + e.getMessage());
    }
    return lifetime;
  }

  private String table(List<ApiToken> tokens) {
    if (tokens.isEmpty()) {
      return "No API tokens.\n";
    }
    Instant now = tickr.clock().instant();
    int width = Math.max(4, tokens.stream().mapToInt(t -> t.name().length()).max().orElse(4));
    String format = "%-5s  %-" + width + "s  %-6s  %-19s  %-19s  %-19s  %-29s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "ID",
            "NAME",
            "ROLE",
            "CREATED",
            "LAST USED",
            "REVOKED",
            "EXPIRES",
            "CREATED BY"));
    for (ApiToken t : tokens) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              t.id(),
              t.name(),
              t.role(),
              time(t.createdAt()),
              time(t.lastUsedAt()),
              time(t.revokedAt()),
              time(t.expiresAt()) + (t.expired(now) ? " (expired)" : ""),
              t.createdBy()));
    }
    return out.toString();
  }

  private static String time(@Nullable Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  private static String json(List<ApiToken> tokens) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("tokens");
    for (ApiToken t : tokens) {
      ObjectNode n = list.addObject();
      n.put("id", t.id());
      n.put("name", t.name());
      n.put("role", t.role().code());
      n.put("created_at", t.createdAt().toString());
      n.put("created_by", t.createdBy());
      n.put("last_used_at", iso(t.lastUsedAt()));
      n.put("revoked_at", iso(t.revokedAt()));
      n.put("expires_at", iso(t.expiresAt()));
    }
    return root.toString();
  }

  private static @Nullable String iso(@Nullable Instant t) {
    return t == null ? null : t.toString();
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
