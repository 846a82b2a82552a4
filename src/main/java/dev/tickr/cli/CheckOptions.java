package dev.tickr.cli;

import dev.tickr.check.ClientIdentity;
import dev.tickr.check.HttpProxy;
import dev.tickr.check.net.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * {@code tickr check}'s {@code --proxy}, {@code --client-cert}, {@code --client-key} and {@code
 * -m/--max-time}.
 */
final class CheckOptions {
  /** curl's {@code -m}: whole or decimal seconds. */
  private static final java.util.regex.Pattern SECONDS =
      java.util.regex.Pattern.compile("\\d{1,9}(\\.\\d{1,9})?|\\.\\d{1,9}");

  private CheckOptions() {}

  /** A time limit written in seconds, as curl's {@code -m 2.5}; more than 0. */
  static java.time.Duration seconds(String flag, String value) {
    if (!SECONDS.matcher(value.strip()).matches()) {
      throw new UsageException(flag + ": expected seconds, e.g. 10 or 2.5, got \"" + value + "\"");
    }
    java.math.BigDecimal s = new java.math.BigDecimal(value.strip());
    if (s.signum() <= 0) {
      throw new UsageException(flag + ": must be more than 0, got \"" + value + "\"");
    }
    return java.time.Duration.ofNanos(s.movePointRight(9).longValue());
  }

  static HttpProxy proxy(Secrets secrets, String value) {
    try {
      return HttpProxy.parse(secrets.resolve("--proxy", value));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--proxy: " + e.getMessage());
    }
  }

  static @Nullable ClientIdentity identity(
      Secrets secrets, @Nullable Path certFile, @Nullable String keyValue) {
    if (certFile == null && keyValue == null) {
      return null;
    }
    if (certFile == null || keyValue == null) {
      throw new UsageException("--client-cert and --client-key go together: give both");
    }
    java.util.List<java.security.cert.X509Certificate> chain;
    try {
      chain = Pem.certificates(read("--client-cert", certFile));
    } catch (Pem.PemException e) {
      throw new UsageException("--client-cert: " + certFile + ": " + e.getMessage());
    }
    String key = secrets.resolve("--client-key", keyValue);
    try {
      var privateKey = Pem.privateKey(Pem.isPem(key) ? key : read("--client-key", Path.of(key)));
      return new ClientIdentity(privateKey, chain);
    } catch (Pem.PemException e) {
      throw new UsageException("--client-key: " + e.getMessage());
    }
  }

  private static String read(String flag, Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new UsageException(flag + ": no such file: " + file);
    } catch (IOException e) {
      throw new UsageException(flag + ": cannot read " + file + ": " + e.getMessage());
    }
  }
}
