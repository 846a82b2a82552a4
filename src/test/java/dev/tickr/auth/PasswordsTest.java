package dev.tickr.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {
  private final Passwords passwords = new Passwords(new SecureRandom());

  @Test
  void a_hash_is_an_argon2id_phc_string_with_owasp_parameters() {
    String hash = passwords.hash("correct horse battery staple");
    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
        .doesNotContain("correct");
  }

  @Test
  void the_right_password_verifies_and_any_other_does_not() {
    String hash = passwords.hash("s3cret-Pässwörd");
    assertThat(passwords.verify("s3cret-Pässwörd", hash)).isTrue();
    assertThat(passwords.verify("s3cret-Passwort", hash)).isFalse();
    assertThat(passwords.verify("", hash)).isFalse();
    assertThat(passwords.verify("s3cret-Pässwörd ", hash)).isFalse();
  }

  @Test
  void one_password_hashed_twice_gives_two_salts() {
    assertThat(passwords.hash("same")).isNotEqualTo(passwords.hash("same"));
  }

  @Test
  void a_hash_from_the_reference_implementation_verifies() {
    // phc-winner-argon2's own test vector (src/test.c): Argon2id, t=2, m=64 MiB, p=1.
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(passwords.verify("password", reference)).isTrue();
    assertThat(passwords.verify("Password", reference)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain-text-password",
        "$2a$10$abcdefghijklmnopqrstuv",
        "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=19456,t=999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
      })
  void a_stored_value_that_is_no_usable_argon2id_hash_never_verifies(String stored) {
    assertThat(passwords.verify("plain-text-password", stored)).isFalse();
  }

  @Test
  void no_hash_at_all_an_unknown_user_is_false_after_the_same_work() {
    String hash = passwords.hash("warm-up");
    long real = spent(() -> passwords.verify("guess", hash));
    long none = spent(() -> passwords.verify("guess", null));
    assertThat(passwords.verify("guess", null)).isFalse();
    // The dummy verification computes a full Argon2id: far more than a skipped check would cost.
    // Measured in this thread's CPU time, which other work on a busy machine does not stretch.
    assertThat(none).as("CPU ns without a user vs %d ns with one", real).isGreaterThan(real / 5);
  }

  /** The least CPU time of this thread that three runs of {@code r} took, in nanoseconds. */
  private static long spent(Runnable r) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = threads.getCurrentThreadCpuTime();
      r.run();
      best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
    }
    return best;
  }
}
