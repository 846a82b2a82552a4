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

/** {@code tickr check}'s {@code --proxy}, {@code --client-cert} and {@code --client-key}. */
final class CheckOptions {
  private CheckOptions() {}

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
