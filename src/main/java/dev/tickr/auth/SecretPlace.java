package dev.tickr.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed secret belongs: a monitor and a field of it ({@code auth.bearer}, {@code
 * secrets.API_KEY}, {@code ping token}). It is the sealed value's associated data, so a value
 * copied to another monitor or field does not open. Neither name is secret.
 */
public record SecretPlace(String monitor, String field) {
  private static final byte[] LABEL = "tickr sealed secret v2".getBytes(StandardCharsets.US_ASCII);

  public SecretPlace {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(field, "field");
  }

  /** Where a heartbeat monitor's ping URL token is sealed. */
  public static SecretPlace pingToken(String monitor) {
    return new SecretPlace(monitor, "ping token");
  }

  /** The associated data: a label, then each name's UTF-8 bytes after their length. */
  byte[] associatedData() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(LABEL);
    for (String part : new String[] {monitor, field}) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "monitor \"" + monitor + "\", field " + field;
  }
}
