package dev.tickr.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tickr.auth.SecretBox;
import dev.tickr.config.Config;
import dev.tickr.config.StatusPageSpec;
import dev.tickr.heartbeat.RateLimiter;
import dev.tickr.store.Retention;
import dev.tickr.store.SqliteStore;
import dev.tickr.store.SubscriptionStore;
import dev.tickr.subscription.Subscriptions.Answer;
import dev.tickr.testing.BuiltInTypes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Subscribing against a real store and a real SMTP server (GreenMail): the form cannot be used to
 * flood an inbox, and its answers tell nothing about who is subscribed.
 */
class SubscriptionsTest {
  private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

  @TempDir Path dir;
  private final GreenMail mail =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
  private final AtomicLong nanos = new AtomicLong();
  private SqliteStore store;
  private Subscriptions subscriptions;
  private StatusPageSpec page;

  @BeforeEach
  void start() throws Exception {
    mail.start();
    Config config =
        BuiltInTypes.loader(Map.of())
            .parse(
                "tickr.yml",
                """
                monitors:
                  - {name: tracking, url: "http://127.0.0.1:9/"}
                channels:
                  - {name: mail, type: email, host: 127.0.0.1, port: %d, security: none,
                     from: status@example.com, to: [ops@example.com]}
                status-pages:
                  - {slug: partners, monitors: [tracking], subscriptions: {email: {channel: mail}}}
                """
                    .formatted(mail.getSmtp().getPort()));
    page = config.statusPage("partners").orElseThrow();
    store = SqliteStore.open(dir, Retention.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
    subscriptions =
        new Subscriptions(
            store.subscriptions(),
            SecretBox.of(new byte[32]),
            new Mailers(() -> config),
            new Links(() -> config, () -> "127.0.0.1:8080"),
            new Subscriptions.Limits(
                new RateLimiter(nanos::get, 1.0 / 600, 3), new RateLimiter(nanos::get, 1.0, 100)),
            Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    subscriptions.close();
    store.close();
    mail.stop();
  }

  @Test
  void a_client_over_its_limit_is_refused_and_sends_no_mail() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(subscriptions.subscribe(page, "reader" + i + "@example.org", "192.0.2.7"))
          .isEqualTo(Answer.ACCEPTED);
    }
    assertThat(subscriptions.subscribe(page, "victim@example.org", "192.0.2.7"))
        .isEqualTo(Answer.LIMITED);
    assertThat(subscriptions.subscribe(page, "other@example.org", "192.0.2.8"))
        .as("another client has its own allowance")
        .isEqualTo(Answer.ACCEPTED);
    assertThat(mail.waitForIncomingEmail(10_000, 4)).isTrue();
    assertThat(mail.getReceivedMessagesForDomain("victim@example.org")).isEmpty();
    assertThat(pending()).isEqualTo(4);

    nanos.addAndGet(600_000_000_000L); // ten minutes later, one more
    assertThat(subscriptions.subscribe(page, "victim@example.org", "192.0.2.7"))
        .isEqualTo(Answer.ACCEPTED);
  }

  @Test
  void asking_again_for_one_address_sends_one_confirmation_and_answers_the_same() throws Exception {
    assertThat(subscriptions.subscribe(page, "Reader@Example.org", "192.0.2.1"))
        .isEqualTo(Answer.ACCEPTED);
    assertThat(subscriptions.subscribe(page, "reader@example.org ", "192.0.2.2"))
        .isEqualTo(Answer.ACCEPTED);
    assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(pending()).isEqualTo(1);
    // A third request proves the second sent nothing: only its mail arrives next.
    assertThat(subscriptions.subscribe(page, "next@example.org", "192.0.2.3"))
        .isEqualTo(Answer.ACCEPTED);
    assertThat(mail.waitForIncomingEmail(10_000, 2)).isTrue();
    assertThat(mail.getReceivedMessages()).hasSize(2);
    assertThat(mail.getReceivedMessages()[1].getAllRecipients()[0].toString())
        .isEqualTo("next@example.org");
  }

  @Test
  void a_confirmation_link_works_once() {
    SubscriptionStore kept = store.subscriptions();
    assertThat(subscriptions.subscribe(page, "once@example.org", "192.0.2.1"))
        .isEqualTo(Answer.ACCEPTED);
    assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail.getReceivedMessages()[0]);
    String token = body.replaceAll("(?s).*token=([A-Za-z0-9_=-]+).*", "$1");
    assertThat(subscriptions.confirm(token)).contains("partners");
    assertThat(subscriptions.confirm(token)).isEmpty();
    assertThat(kept.counts()).isEqualTo(Map.of("partners", Map.of("confirmed", 1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-an-address",
        "Name <name@example.org>",
        "a@example.org, b@example.org",
        "line\r\nBcc: x@example.org"
      })
  void what_is_not_one_address_is_refused(String address) {
    assertThat(subscriptions.subscribe(page, address, "192.0.2.1")).isEqualTo(Answer.INVALID);
  }

  private int pending() {
    return store
        .subscriptions()
        .counts()
        .getOrDefault("partners", Map.of())
        .getOrDefault("pending", 0);
  }
}
