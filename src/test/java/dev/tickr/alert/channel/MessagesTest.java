package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.alert.Alert;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Notification;
import dev.tickr.check.Reason;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {
  private final Channels channels = new Channels();
  private final Messages defaults = new Messages(null, null, channels.clock);
  private static final Messages.Limits ROOMY = new Messages.Limits(100, 10_000);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DOWN|campaigns is DOWN",
        "UP|campaigns is UP again",
        "DEGRADED|campaigns is DEGRADED",
        "REMINDER|campaigns is still DOWN",
        "TEST|[TEST] campaigns: test notification"
      })
  void the_default_title_names_the_monitor_and_the_event(AlertEvent event, String title) {
    assertThat(defaults.compose(notification(event, "campaigns"), s -> s, ROOMY).title())
        .isEqualTo(title);
  }

  @Test
  void a_test_is_marked_even_with_a_custom_title() throws Exception {
    Messages custom = new Messages(Template.parse("{{monitor}}!"), null, channels.clock);

    assertThat(custom.compose(notification(AlertEvent.TEST, "x"), s -> s, ROOMY).title())
        .isEqualTo("[TEST] x!");
  }

  @Test
  void a_connectivity_notice_keeps_its_own_words_and_links_the_dashboard() throws Exception {
    Alert lost =
        new Alert(
            AlertEvent.CONNECTIVITY_LOST,
            Alert.NO_MONITOR,
            List.of(),
            0,
            Channels.STARTED,
            null,
            Reason.CONNECT,
            "all 2 canaries failed",
            null,
            "",
            null,
            "tickr-connectivity-1");
    Notification n =
        new Notification("n-1", AlertEvent.CONNECTIVITY_LOST, List.of(lost), Channels.DASHBOARD);
    Messages custom =
        new Messages(Template.parse("{{monitor}} is {{EVENT}}"), null, channels.clock);

    Messages.Text text = custom.compose(n, s -> s, ROOMY);
    assertThat(text.title()).isEqualTo("Tickr lost connectivity");
    assertThat(text.body()).startsWith("all 2 canaries failed (connect)\nSince ");
    assertThat(text.link()).isEqualTo(Channels.DASHBOARD);
  }

  @Test
  void a_recovery_says_what_the_outage_put_at_risk_and_a_template_can_name_it() throws Exception {
    String estimate =
        "estimated commission at risk: 81.00 EUR (63.00–99.00), 18 expected conversions";
    Alert up = Channels.alert(AlertEvent.UP, "pixel").withImpact(estimate);
    Notification n = new Notification("u", AlertEvent.UP, List.of(up), Channels.DASHBOARD);

    assertThat(defaults.compose(n, s -> s, ROOMY).body()).endsWith(")\n" + estimate);
    assertThat(
            new Messages(null, Template.parse("{{monitor}}: {{impact}}"), channels.clock)
                .compose(n, s -> s, ROOMY)
                .body())
        .isEqualTo("pixel: " + estimate);
    Notification plain =
        new Notification(
            "u", AlertEvent.UP, List.of(Channels.alert(AlertEvent.UP, "api")), Channels.DASHBOARD);
    assertThat(defaults.compose(plain, s -> s, ROOMY).body())
        .as("no estimate, no blank line")
        .endsWith("(http-status)");
  }

  @Test
  void a_certificate_warning_says_when_it_expires() {
    Alert alert =
        new Alert(
            AlertEvent.CERTIFICATE,
            "shop",
            List.of(),
            0,
            Channels.STARTED,
            null,
            Reason.CONDITION,
            "[CERTIFICATE_EXPIRATION] > 336h (actual 200h)",
            null,
            "",
            Instant.parse("2026-03-09T18:00:00Z"),
            "tickr-shop-cert");
    Messages.Text text =
        defaults.compose(
            new Notification("c", AlertEvent.CERTIFICATE, List.of(alert), Channels.DASHBOARD),
            s -> s,
            ROOMY);

    assertThat(text.title()).isEqualTo("shop: certificate expires 2026-03-09 18:00:00 UTC");
    assertThat(text.body())
        .isEqualTo(
            "The certificate expires 2026-03-09 18:00:00 UTC.\n"
                + "[CERTIFICATE_EXPIRATION] > 336h (actual 200h)");
  }

  @Test
  void a_grouped_notification_is_one_summary_cut_to_the_limits() {
    String[] monitors = IntStream.range(0, 5).mapToObj(i -> "m" + i).toArray(String[]::new);

    Messages.Text text =
        defaults.compose(
            notification(AlertEvent.DOWN, monitors), s -> s, new Messages.Limits(3, 10_000));

    assertThat(text.title()).isEqualTo("5 monitors DOWN: m0, m1, m2 and 2 more");
    assertThat(text.lines()).hasSize(3);
    assertThat(text.more()).isEqualTo(2);
    assertThat(text.body()).endsWith("\n… and 2 more");
    assertThat(text.link()).isEqualTo(Channels.DASHBOARD);
  }

  @Test
  void the_character_limit_counts_too() {
    String[] monitors = IntStream.range(0, 5).mapToObj(i -> "m" + i).toArray(String[]::new);

    Messages.Text text =
        defaults.compose(
            notification(AlertEvent.DOWN, monitors), s -> s, new Messages.Limits(50, 160));

    assertThat(text.lines()).hasSize(2);
    assertThat(text.more()).isEqualTo(3);
  }

  @Test
  void cuts_without_splitting_a_surrogate_pair_and_links_encode_the_name() {
    assertThat(Messages.cut("abcdef", 4)).isEqualTo("abc…");
    assertThat(Messages.cut("ab😀cd", 4)).isEqualTo("ab…");
    assertThat(Messages.cut("short", 10)).isEqualTo("short");
    assertThat(Messages.monitorUrl("https://t.example.com/", "a b/c"))
        .isEqualTo("https://t.example.com/monitors/a%20b%2Fc");
  }
}
