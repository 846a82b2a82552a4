package dev.tickr.alert.channel;

import static dev.tickr.alert.channel.Channels.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tickr.alert.AlertEvent;
import dev.tickr.alert.Delivery;
import dev.tickr.alert.Delivery.Outcome;
import dev.tickr.alert.Notifier;
import dev.tickr.testing.Ports;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import dev.tickr.testing.TestIdentity;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The email channel against GreenMail, a real SMTP server in-process: plain, with auth, SMTPS. */
class EmailNotifierTest {
  private static final String PASSWORD = "smtp-password-secret";
  private static final char[] KEYSTORE_PASSWORD = "tickr-test".toCharArray();

  @TempDir static Path files;
  private static TestCa ca;

  private final Channels channels = new Channels();
  private GreenMail server = new GreenMail();

  /** GreenMail's SMTPS reads its key from these properties once; nothing else here uses them. */
  @BeforeAll
  static void serverCertificate() throws Exception {
    ca = TestCertificates.create().ca();
    TestIdentity identity = ca.leaf("localhost", "127.0.0.1");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "greenmail",
        identity.privateKey(),
        KEYSTORE_PASSWORD,
        identity.chain().toArray(X509Certificate[]::new));
    Path keystore = files.resolve("smtps.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      store.store(out, KEYSTORE_PASSWORD);
    }
    System.setProperty(
        DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, keystore.toString());
    System.setProperty(
        DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY,
        new String(KEYSTORE_PASSWORD));
    System.setProperty(
        DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, new String(KEYSTORE_PASSWORD));
    ca.writePem(files.resolve("ca.pem"));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private int start(String protocol) {
    // GreenMail waits for its server thread to listen, 2 s by default: too short on a busy
    // machine (an SMTPS start makes a key pair first). It returns as soon as it listens.
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
    setup.setServerStartupTimeout(60_000L);
    server =
        new GreenMail(setup)
            .withConfiguration(
                GreenMailConfiguration.aConfig().withUser("ops@example.com", "tickr", PASSWORD));
    server.start();
    return protocol.equals(ServerSetup.PROTOCOL_SMTPS)
        ? server.getSmtps().getPort()
        : server.getSmtp().getPort();
  }

  private Notifier email(int port, String more) {
    return channels.notifier(
        "- name: mail\n  type: email\n  host: 127.0.0.1\n  port: "
            + port
            + "\n  from: Tickr <tickr@example.com>\n  to: [ops@example.com, oncall@example.com]\n"
            + "  timeout: 2s\n"
            + more);
  }

  @Test
  void sends_plain_text_and_html_in_one_message_after_logging_in() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTP);
    Notifier notifier =
        email(port, "  security: none\n  username: tickr\n  password: ${SMTP_PASSWORD}\n");

    Delivery delivery = notifier.send(notification(AlertEvent.DOWN, "campaigns"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.SENT);
    assertThat(delivery.answer()).startsWith("250");
    assertThat(server.waitForIncomingEmail(2000, 2)).isTrue();
    MimeMessage message = server.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("campaigns is DOWN");
    assertThat(message.getFrom()[0].toString()).isEqualTo("Tickr <tickr@example.com>");
    assertThat(message.getRecipients(Message.RecipientType.TO))
        .extracting(Object::toString)
        .containsExactly("ops@example.com", "oncall@example.com");
    assertThat(message.getHeader("X-Tickr-Notification")).containsExactly("n-down-1");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain");
    assertThat((String) text.getContent())
        .isEqualToNormalizingNewlines(
            "[STATUS] == 200 (actual 500) (http-status)\nDown since 2026-03-01 10:15:00 UTC.\nCheck the service's logs for this status and the URL and method used.\n\n"
                + "Open in Tickr: https://tickr.example.com/monitors/campaigns\n");
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat((String) html.getContent())
        .contains("<h2>campaigns is DOWN</h2>")
        .contains("<p>[STATUS] == 200 (actual 500) (http-status)<br>")
        .contains("<a href=\"https://tickr.example.com/monitors/campaigns\">Open in Tickr</a>");
  }

  @Test
  void a_grouped_notification_lists_the_monitors_and_escapes_html() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTP);

    email(port, "  security: none\n").send(notification(AlertEvent.DOWN, "a<b", "c"));

    assertThat(server.waitForIncomingEmail(2000, 2)).isTrue();
    MimeMessage message = server.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("2 monitors DOWN: a<b, c");
    String html = (String) ((MimeMultipart) message.getContent()).getBodyPart(1).getContent();
    assertThat(html).contains("<li>a&lt;b: [STATUS] == 200 (actual 500)").contains("<li>c: ");
  }

  @Test
  void sends_over_implicit_tls_trusting_the_configured_ca() throws Exception {
    int port = start(ServerSetup.PROTOCOL_SMTPS);
    Notifier notifier =
        email(
            port,
            "  security: tls\n  username: tickr\n  password: ${SMTP_PASSWORD}\n  ca-cert: "
                + files.resolve("ca.pem")
                + "\n");

    Delivery delivery = notifier.send(notification(AlertEvent.TEST, "tickr-test"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.SENT);
    assertThat(server.waitForIncomingEmail(2000, 2)).isTrue();
    assertThat(server.getReceivedMessages()[0].getSubject())
        .isEqualTo("[TEST] tickr-test: test notification");
  }

  @Test
  void refuses_a_certificate_it_does_not_trust() {
    int port = start(ServerSetup.PROTOCOL_SMTPS);

    Delivery delivery =
        email(port, "  security: tls\n").send(notification(AlertEvent.DOWN, "campaigns"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void starttls_never_falls_back_to_clear_text() {
    int port = start(ServerSetup.PROTOCOL_SMTP);

    Delivery delivery = email(port, "").send(notification(AlertEvent.DOWN, "campaigns"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(delivery.answer()).contains("STARTTLS");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void a_wrong_password_fails_without_showing_it() {
    int port = start(ServerSetup.PROTOCOL_SMTP);

    Delivery delivery =
        email(port, "  security: none\n  username: tickr\n  password: wrong-password-1\n")
            .send(notification(AlertEvent.DOWN, "campaigns"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(delivery.answer())
        .startsWith("authentication failed")
        .doesNotContain("wrong-password-1");
  }

  @Test
  void a_server_that_is_not_there_is_worth_a_retry() {
    Delivery delivery =
        email(Ports.closed(), "  security: none\n").send(notification(AlertEvent.DOWN, "a"));

    assertThat(delivery.outcome()).isEqualTo(Outcome.RETRY);
    assertThat(delivery.httpStatus()).isNull();
  }

  @Test
  void reports_bad_addresses_and_missing_settings() {
    assertThat(
            Channels.problems(
                "- name: mail\n  type: email\n  from: not an address\n  to: [ops@example.com, '@']\n"
                    + "  security: ssl\n  ca-cert: /nonexistent/ca.pem\n"))
        .containsExactly(
            "tickr.yml:2:1: email channel \"mail\" has no \"host\"",
            "tickr.yml:4:11: email channel \"mail\": from must be an email address, got \"not an"
                + " address\"",
            "tickr.yml:5:27: email channel \"mail\": to[1] must be an email address, got \"@\"",
            "tickr.yml:6:15: email channel \"mail\": security must be one of starttls, tls, none,"
                + " got \"ssl\"",
            "tickr.yml:7:14: email channel \"mail\": ca-cert: cannot read CA certificates from"
                + " \"/nonexistent/ca.pem\"");
  }
}
