package dev.tickr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
  private static final byte[] KEY =
      HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(2));

  private static final SecretPlace PLACE = new SecretPlace("checkout", "auth.bearer");

  @TempDir Path dir;

  @Test
  void a_sealed_value_opens_to_itself_and_shows_nothing_of_it() {
    SecretBox box = SecretBox.of(KEY);
    for (String plain : new String[] {"", "hunter2", "pässwört ✓ 🔑", "x".repeat(10_000)}) {
      String sealed = box.seal(plain, PLACE);
      assertThat(sealed).startsWith("v2:" + box.keyId() + ":");
      assertThat(SecretBox.isSealed(sealed)).isTrue();
      if (!plain.isEmpty()) {
        assertThat(sealed).doesNotContain(plain);
      }
      assertThat(box.open(sealed, PLACE)).isEqualTo(plain);
    }
  }

  @Test
  void a_box_made_ahead_from_the_variable_is_the_box_load_makes(@TempDir Path dir) {
    assertThat(SecretBox.loadAhead(Map.of())).as("the key comes from the data directory").isNull();
    Map<String, String> passphrase =
        Map.of(SecretBox.KEY_VARIABLE, "correct horse battery staple, stretched");
    CompletableFuture<SecretBox> ahead = Objects.requireNonNull(SecretBox.loadAhead(passphrase));

    String sealed = SecretBox.await(ahead).seal("the-api-secret", PLACE);

    assertThat(SecretBox.load(passphrase, dir).open(sealed, PLACE)).isEqualTo("the-api-secret");
    CompletableFuture<SecretBox> tooShort =
        Objects.requireNonNull(SecretBox.loadAhead(Map.of(SecretBox.KEY_VARIABLE, "short")));
    assertThatThrownBy(() -> SecretBox.await(tooShort))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageContaining(SecretBox.KEY_VARIABLE)
        .hasMessageNotContaining("short\"");
  }

  @Test
  void each_seal_uses_a_new_nonce() {
    SecretBox box = SecretBox.of(KEY);
    String a = box.seal("same value", PLACE);
    String b = box.seal("same value", PLACE);
    assertThat(a).isNotEqualTo(b);
    byte[] nonceA = Base64.getDecoder().decode(a.split(":")[2]);
    byte[] nonceB = Base64.getDecoder().decode(b.split(":")[2]);
    assertThat(java.util.Arrays.copyOf(nonceA, 12))
        .isNotEqualTo(java.util.Arrays.copyOf(nonceB, 12));
    assertThat(box.open(a, PLACE)).isEqualTo(box.open(b, PLACE));
  }

  @Test
  void another_key_gives_a_clear_error_without_the_value_or_either_key() {
    String sealed = SecretBox.of(KEY).seal("the-api-secret", PLACE);
    byte[] other = KEY.clone();
    other[0] ^= 1;
    SecretBox wrong = SecretBox.of(other);
    assertThatThrownBy(() -> wrong.open(sealed, PLACE))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageContaining("the secret key changed")
        .hasMessageContaining("TICKR_SECRET_KEY")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("the-api-secret")
                    .doesNotContain(sealed.split(":")[2])
                    .doesNotContain(HexFormat.of().formatHex(KEY))
                    .doesNotContain(HexFormat.of().formatHex(other)));
  }

  @Test
  void a_damaged_value_is_refused() {
    SecretBox box = SecretBox.of(KEY);
    String sealed = box.seal("value", PLACE);
    byte[] raw = Base64.getDecoder().decode(sealed.split(":")[2]);
    raw[raw.length - 1] ^= 1;
    String tampered = "v2:" + box.keyId() + ":" + Base64.getEncoder().encodeToString(raw);
    assertThatThrownBy(() -> box.open(tampered, PLACE))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageContaining("damaged");
    assertThatThrownBy(() -> box.open("plain text", PLACE))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageContaining("not in a sealed format");
  }

  @Test
  void without_the_variable_a_key_file_is_made_once_readable_by_its_owner_only() throws Exception {
    Path data = dir.resolve("data");
    SecretBox first = SecretBox.load(Map.of(), data);
    Path file = data.resolve("secret.key");
    assertThat(file).exists();
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var left = Files.list(data)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("secret.key");
    }

    String sealed = first.seal("kept across restarts", PLACE);
    SecretBox again = SecretBox.load(Map.of(), data);
    assertThat(again.keyId()).isEqualTo(first.keyId());
    assertThat(again.open(sealed, PLACE)).isEqualTo("kept across restarts");
  }

  @Test
  void the_variable_takes_hex_base64_or_a_passphrase_and_makes_no_file() {
    String hex = HexFormat.of().formatHex(KEY);
    String base64 = Base64.getEncoder().encodeToString(KEY);
    SecretBox fromHex = SecretBox.load(Map.of("TICKR_SECRET_KEY", hex), dir);
    SecretBox fromBase64 = SecretBox.load(Map.of("TICKR_SECRET_KEY", base64), dir);
    assertThat(fromHex.keyId()).isEqualTo(SecretBox.of(KEY).keyId());
    assertThat(fromBase64.open(fromHex.seal("same key", PLACE), PLACE)).isEqualTo("same key");

    Map<String, String> phrase = Map.of("TICKR_SECRET_KEY", "a long passphrase of many words");
    SecretBox a = SecretBox.load(phrase, dir);
    SecretBox b = SecretBox.load(phrase, dir.resolve("elsewhere"));
    assertThat(b.open(a.seal("derived the same", PLACE), PLACE)).isEqualTo("derived the same");
    assertThat(a.keyId()).isNotEqualTo(fromHex.keyId());
    assertThat(dir.resolve("secret.key")).doesNotExist();
    assertThat(a.toString()).doesNotContain("passphrase");
  }

  @Test
  void a_short_variable_is_refused_naming_it_but_not_showing_it() {
    assertThatThrownBy(() -> SecretBox.load(Map.of("TICKR_SECRET_KEY", "tooshort"), dir))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageContaining("TICKR_SECRET_KEY")
        .hasMessageContaining("at least 16")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tooshort"));
  }

  @Test
  void a_key_file_that_is_not_a_key_is_refused() throws Exception {
    Files.writeString(dir.resolve("secret.key"), "not a key\n");
    assertThatThrownBy(() -> SecretBox.load(Map.of(), dir))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageContaining("secret.key")
        .hasMessageContaining("not a Tickr key file");
  }

  @Test
  void a_passphrase_is_stretched_with_argon2id() {
    String phrase = "a long passphrase of many words";
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(64 * 1024)
            .withIterations(3)
            .withParallelism(1)
            .withSalt("tickr TICKR_SECRET_KEY v2".getBytes(StandardCharsets.US_ASCII))
            .build());
    byte[] expected = new byte[32];
    argon2.generateBytes(phrase.getBytes(StandardCharsets.UTF_8), expected);

    SecretBox box = SecretBox.load(Map.of("TICKR_SECRET_KEY", phrase), dir);

    assertThat(box.keyId()).isEqualTo(SecretBox.of(expected).keyId());
  }

  @Test
  void values_sealed_in_version_1_still_open_with_the_same_key_or_passphrase() {
    // Sealed by the version 1 code, before places and Argon2id.
    String withKey =
        "v1:06552c84:iacy7xJyY4Kc8+BiqPFAuJJ1wz6t/Rbtr/s2vqzTRC0geMNXlH1xZ53RFzBr2qEh03KiDh4=";
    String withPhrase =
        "v1:042cbd4c:2230o9klyPOsqeGmjFfq8YZ/X39XAlb/UTPrJw+BD1Njvn0cdQTKWflEQeom/hV72L29Q5TI1MJu7HvfFn4=";
    SecretBox box = SecretBox.of(KEY);
    SecretBox phrase =
        SecretBox.load(Map.of("TICKR_SECRET_KEY", "a long passphrase of many words"), dir);

    assertThat(box.open(withKey, PLACE)).isEqualTo("sealed by tickr before v2");
    assertThat(phrase.open(withPhrase, new SecretPlace("any", "field")))
        .isEqualTo("sealed with a passphrase before v2");
    assertThat(SecretBox.isCurrent(withKey)).isFalse();
    String again = phrase.seal("sealed with a passphrase before v2", PLACE);
    assertThat(SecretBox.isCurrent(again)).isTrue();
    assertThat(again).startsWith("v2:" + phrase.keyId() + ":");
    assertThat(phrase.keyId()).isNotEqualTo("042cbd4c");
  }

  @Test
  void a_value_copied_to_another_monitor_or_field_does_not_open_and_the_error_names_the_place() {
    SecretBox box = SecretBox.of(KEY);
    String sealed = box.seal("the-api-secret", PLACE);

    for (SecretPlace elsewhere :
        new SecretPlace[] {
          new SecretPlace("refunds", "auth.bearer"), new SecretPlace("checkout", "secrets.KEY")
        }) {
      assertThatThrownBy(() -> box.open(sealed, elsewhere))
          .isInstanceOf(SecretBoxException.class)
          .hasMessageStartingWith(elsewhere.toString())
          .hasMessageContaining("sealed for another monitor or field")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("the-api-secret"));
    }
    assertThat(new SecretPlace("refunds", "auth.bearer").toString())
        .isEqualTo("monitor \"refunds\", field auth.bearer");
    // Names are length-prefixed: moving a dot between them changes the place.
    assertThatThrownBy(
            () -> box.open(box.seal("v", new SecretPlace("a.b", "c")), new SecretPlace("a", "b.c")))
        .isInstanceOf(SecretBoxException.class);
  }
}
