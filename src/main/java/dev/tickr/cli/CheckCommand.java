package dev.tickr.cli;

import dev.tickr.Tickr;
import dev.tickr.assertion.CheckResult;
import dev.tickr.assertion.Condition;
import dev.tickr.assertion.ConditionParser;
import dev.tickr.assertion.ConditionSyntaxException;
import dev.tickr.assertion.Conditions;
import dev.tickr.check.Deadline;
import dev.tickr.check.Header;
import dev.tickr.check.HttpTarget;
import dev.tickr.check.Observation;
import dev.tickr.check.Payload;
import dev.tickr.check.Redaction;
import dev.tickr.report.CheckReport;
import dev.tickr.time.Durations;
import dev.tickr.time.Ticker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tickr check URL}: one probe, judged, printed; exit 0 good, 1 failed, 2 bad usage. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Probe a URL once and judge the answer.",
    footer = {
      "",
      "Secret values (--basic, --bearer, --client-secret, -H values, -d, --proxy, --client-key)"
          + " may be written env:NAME.",
      "Exit codes: 0 success, 1 the request failed or a condition does not hold, 2 bad usage."
    })
final class CheckCommand implements Callable<Integer> {
  /** Header names whose values are never shown. */
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie");

  private final Tickr tickr;
  private final Ticker ticker;

  @Spec picocli.CommandLine.Model.@Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "http:// or https:// URL to probe.")
  String url = "";

  @Option(
      names = {"-X", "--method"},
      paramLabel = "METHOD",
      description = "HTTP method (default GET, or POST with --data).")
  @Nullable String method;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'Name: value'",
      description = "Request header; repeatable.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = {"-d", "--data"},
      paramLabel = "TEXT|@FILE",
      description = "Request body, or @file to read it from a file.")
  @Nullable String data;

  @Option(
      names = {"-u", "--user", "--basic"},
      paramLabel = "USER:PASS",
      description = "HTTP Basic credentials.")
  @Nullable String basic;

  @Option(names = "--bearer", paramLabel = "TOKEN", description = "Bearer token.")
  @Nullable String bearer;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Hard limit for the whole check, e.g. 10s, 500ms (default 10s).")
  String timeout = "10s";

  @Option(
      names = {"-m", "--max-time"},
      paramLabel = "SECONDS",
      description = "--timeout in seconds, as curl takes it, e.g. 10 or 2.5.")
  @Nullable String maxTime;

  @Option(
      names = {"-A", "--user-agent"},
      paramLabel = "AGENT",
      description = "The User-Agent header to send.")
  @Nullable String userAgent;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also print the request and the answer's headers and first 1024 characters of body to"
              + " stderr, secrets masked.")
  boolean verbose;

  @Option(
      names = "--expect",
      paramLabel = "CONDITION",
      description = "Condition that must hold; repeatable (default: " + Conditions.DEFAULT + ").")
  List<String> expect = new ArrayList<>();

  @Option(
      names = {"--ca-cert", "--cacert"},
      paramLabel = "FILE",
      description = "Also trust the CA(s) in this PEM file.")
  @Nullable Path caCert;

  @Option(
      names = {"-k", "--insecure"},
      description = "Accept any certificate and host name (expiry is still reported).")
  boolean insecure;

  @Option(names = "--no-follow", description = "Do not follow redirects.")
  boolean noFollow;

  @Option(
      names = "--max-body",
      paramLabel = "SIZE",
      description = "Read at most this much of the body, e.g. 512KiB (default 1MiB).")
  String maxBody = "1MiB";

  @Option(
      names = "--proxy",
      paramLabel = "URL",
      description =
          "Go out through http://[user:pass@]host:port or socks5://[user:pass@]host:port.")
  @Nullable String proxy;

  @Option(
      names = "--client-cert",
      paramLabel = "FILE",
      description = "Client certificate (PEM) for mutual TLS; needs --client-key.")
  @Nullable Path clientCert;

  @Option(
      names = "--client-key",
      paramLabel = "FILE",
      description = "The client certificate's private key, PKCS#8 PEM (BEGIN PRIVATE KEY).")
  @Nullable String clientKey;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Mixin OAuth2Options oauth2 = new OAuth2Options();

  CheckCommand(Tickr tickr, Ticker ticker) {
    this.tickr = tickr;
    this.ticker = ticker;
  }

  @Override
  public Integer call() {
    Secrets secrets = new Secrets(tickr.environment());
    Duration budget = parseTimeout();
    List<Condition> conditions = parseConditions();
    HttpTarget target = target(secrets);
    Observation observation = tickr.httpCheck().observe(target, Deadline.after(budget, ticker));
    CheckResult result = tickr.judge().judge(observation, conditions);
    PrintWriter out = out();
    // What Tickr made itself (an OAuth2 token) is not shown; what was given on the line may be.
    Set<String> made = target.auth() == null ? Set.of() : target.auth().secretValues();
    if (verbose) {
      Set<String> masked = new java.util.LinkedHashSet<>(Redaction.secretsOf(target));
      masked.addAll(made);
      PrintWriter err = spec().commandLine().getErr();
      err.print(CheckVerbose.text(target, observation, masked));
      err.flush();
    }
    if (json) {
      out.println(Redaction.scrub(CheckReport.json(result, tickr.clock().instant()), made));
    } else {
      out.print(Redaction.scrub(CheckReport.text(result, tickr.clock().instant()), made));
    }
    out.flush();
    return result.success() ? 0 : 1;
  }

  private PrintWriter out() {
    return spec().commandLine().getOut();
  }

  private picocli.CommandLine.Model.CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }

  private Duration parseTimeout() {
    if (maxTime != null) {
      if (spec().commandLine().getParseResult().hasMatchedOption("--timeout")) {
        throw new UsageException("-m/--max-time and --timeout say the same: give one");
      }
      return CheckOptions.seconds("-m/--max-time", maxTime);
    }
    try {
      Duration d = Durations.parse(timeout);
      if (d.isNegative() || d.isZero()) {
        throw new UsageException("--timeout: must be more than 0, got \"" + timeout + "\"");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new UsageException("--timeout: " + e.getMessage());
    }
  }

  private List<Condition> parseConditions() {
    List<String> texts = expect.isEmpty() ? List.of(Conditions.DEFAULT) : expect;
    List<Condition> parsed = new ArrayList<>();
    for (String text : texts) {
      try {
        parsed.add(ConditionParser.parse(text));
      } catch (ConditionSyntaxException e) {
        throw new UsageException(
            "--expect: "
                + e.getMessage()
                + " at column "
                + e.column()
                + System.lineSeparator()
                + e.pointer());
      }
    }
    return parsed;
  }

  private HttpTarget target(Secrets secrets) {
    CheckTemplates templates = new CheckTemplates();
    URI uri = parseUrl(templates.url(url.trim()));
    List<Header> list = new ArrayList<>();
    if (uri.getRawUserInfo() != null) {
      String info = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
      list.add(basicAuth(info));
      templates.dropUserInfo(uri.getRawUserInfo());
      uri = withoutUserInfo(uri);
    }
    for (String raw : headers) {
      Header h = header(secrets, raw);
      templates.header(list.size(), h);
      list.add(h);
    }
    if (basic != null) {
      list.add(basicAuth(basicCredentials(secrets, basic)));
    }
    if (userAgent != null) {
      list.add(Header.plain("User-Agent", userAgent));
    }
    if (bearer != null) {
      list.add(Header.secret("Authorization", "Bearer " + secrets.resolve("--bearer", bearer)));
    }
    Payload body = data == null ? null : payload(secrets, data);
    if (body != null) {
      templates.body(body);
    }
    String verb = method != null ? method : body != null ? "POST" : "GET";
    if (!verb.matches("[A-Za-z]+")) {
      throw new UsageException("-X/--method: not an HTTP method: \"" + verb + "\"");
    }
    long cap = Sizes.parse("--max-body", maxBody);
    List<X509Certificate> cas = caCert == null ? List.of() : readCas(caCert);
    String otherAuthorization =
        list.stream().anyMatch(h -> h.name().equalsIgnoreCase("Authorization"))
            ? "--basic, --bearer, -H or the URL"
            : null;
    return new HttpTarget(uri, verb, list, body, !noFollow, cap, insecure, cas)
        .withAuth(oauth2.auth(secrets, tickr.oauth2Tokens(), otherAuthorization))
        .withProxy(proxy == null ? null : CheckOptions.proxy(secrets, proxy))
        .withClientIdentity(CheckOptions.identity(secrets, clientCert, clientKey))
        .withTemplate(templates.template());
  }

  private static URI parseUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new UsageException(
            "URL: must start with http:// or https://, got \"" + Redaction.url(uri) + "\"");
      }
      if (uri.getHost() == null) {
        throw new UsageException("URL: no host in \"" + Redaction.url(uri) + "\"");
      }
      return uri.getPath() == null || uri.getPath().isEmpty()
          ? new URI(uri.getScheme(), uri.getRawAuthority(), "/", uri.getQuery(), uri.getFragment())
          : uri;
    } catch (URISyntaxException e) {
      throw new UsageException("URL: " + e.getMessage());
    }
  }

  private static URI withoutUserInfo(URI uri) {
    try {
      return new URI(
          uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
    } catch (URISyntaxException e) {
      throw new UsageException("URL: " + e.getMessage());
    }
  }

  private static Header header(Secrets secrets, String raw) {
    int colon = raw.indexOf(':');
    if (colon <= 0) {
      throw new UsageException("-H/--header: expected 'Name: value', got \"" + raw + "\"");
    }
    String name = raw.substring(0, colon).trim();
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw new UsageException("-H/--header: not a valid header name: \"" + name + "\"");
    }
    String value = raw.substring(colon + 1).trim();
    boolean fromEnv = Secrets.isReference(value);
    String resolved = secrets.resolve("-H/--header " + name, value);
    boolean secret =
        fromEnv
            || SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))
            || Redaction.isSecretName(name);
    return new Header(name, resolved, secret);
  }

  private static String basicCredentials(Secrets secrets, String value) {
    String credentials = secrets.resolve("--basic", value);
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      throw new UsageException("--basic: expected USER:PASS");
    }
    String password = credentials.substring(colon + 1);
    return credentials.substring(0, colon + 1) + secrets.resolve("--basic", password);
  }

  private static Header basicAuth(String userColonPassword) {
    String encoded =
        Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    return Header.secret("Authorization", "Basic " + encoded);
  }

  private static Payload payload(Secrets secrets, String value) {
    if (value.startsWith("@")) {
      Path file = Path.of(value.substring(1));
      try {
        return Payload.of(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        throw new UsageException("-d/--data: no such file: " + file);
      } catch (IOException e) {
        throw new UsageException("-d/--data: cannot read " + file + ": " + e.getMessage());
      }
    }
    return Payload.of(secrets.resolve("-d/--data", value));
  }

  private static List<X509Certificate> readCas(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> cas = new ArrayList<>();
      for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (cert instanceof X509Certificate x) {
          cas.add(x);
        }
      }
      if (cas.isEmpty()) {
        throw new UsageException("--ca-cert: no certificate found in " + file);
      }
      return cas;
    } catch (NoSuchFileException e) {
      throw new UsageException("--ca-cert: no such file: " + file);
    } catch (IOException | CertificateException e) {
      throw new UsageException(
          "--ca-cert: " + file + " is not a PEM certificate: " + e.getMessage());
    }
  }
}
