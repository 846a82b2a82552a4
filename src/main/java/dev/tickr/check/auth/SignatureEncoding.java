package dev.tickr.check.auth;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the signature's bytes are written as text. */
public enum SignatureEncoding {
  /** Lower-case hexadecimal. */
  HEX,
  /** Upper-case hexadecimal. */
  HEX_UPPER,
  /** Base64 with padding (RFC 4648 section 4). */
  BASE64,
  /** URL-safe Base64 without padding (RFC 4648 section 5). */
  BASE64URL;

  private final String spelling = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The config spelling, e.g. {@code hex-upper}. */
  public String spelling() {
    return spelling;
  }

  /** The encoding written {@code text} in the config, or {@code null}. */
  public static @Nullable SignatureEncoding of(String text) {
    for (SignatureEncoding e : values()) {
      if (e.spelling.equals(text.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    return null;
  }

  public String encode(byte[] bytes) {
    return switch (this) {
      case HEX -> HexFormat.of().formatHex(bytes);
      case HEX_UPPER -> HexFormat.of().withUpperCase().formatHex(bytes);
      case BASE64 -> Base64.getEncoder().encodeToString(bytes);
      case BASE64URL -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    };
  }
}
