package dev.tickr.check;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The start of a response body, at most the configured cap. {@code truncated} says more bytes were
 * on offer than were read.
 */
public final class Body {
  public static final Body EMPTY = new Body(new byte[0], false, null, StandardCharsets.UTF_8);

  private final byte[] bytes;
  private final boolean truncated;
  private final @Nullable String contentType;
  private final Charset charset;
  private @Nullable String text;

  public Body(byte[] bytes, boolean truncated, @Nullable String contentType, Charset charset) {
    this.bytes = bytes.clone();
    this.truncated = truncated;
    this.contentType = contentType;
    this.charset = charset;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public boolean truncated() {
    return truncated;
  }

  public @Nullable String contentType() {
    return contentType;
  }

  /** The body decoded with its declared charset (UTF-8 when none), decoded once. */
  public String text() {
    String t = text;
    if (t == null) {
      t = new String(bytes, charset);
      text = t;
    }
    return t;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Body b && b.truncated == truncated && Arrays.equals(b.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(truncated);
  }

  @Override
  public String toString() {
    return "Body[" + bytes.length + " bytes" + (truncated ? ", truncated" : "") + "]";
  }
}
