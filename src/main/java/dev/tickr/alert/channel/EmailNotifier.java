package dev.tickr.alert.channel;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * {@code email}: one message over SMTP to every {@code to} address, plain text and HTML in one
 * {@code multipart/alternative}. {@code security} is {@code starttls} (the default: refuses to send
 * if the server cannot upgrade), {@code tls} (implicit TLS, port 465) or {@code none}; {@code
 * ca-cert} adds a CA for a relay with a private certificate.
 */
final class EmailNotifier implements Notifier {
  static final List<String> KEYS =
      List.of(
          "host",
          "port",
          "security",
          "username",
          "password",
          "from",
          "to",
          "ca-cert",
          "title",
          "message",
          "timeout");

  static final List<String> SECURITY = Smtp.SECURITY;
  static final Messages.Limits LIMITS = new Messages.Limits(200, 50_000);

  private final String name;
  private final Smtp smtp;
  private final List<InternetAddress> to;
  private final Messages messages;
  private final Clock clock;

  private EmailNotifier(Settings s, Notifiers.Context context) {
    this.name = s.describe();
    this.smtp = new Smtp(s);
    this.to = new ArrayList<>();
    List<String> recipients = s.list("to");
    for (int i = 0; i < recipients.size(); i++) {
      to.add(Smtp.address(s, "to[" + i + "]", recipients.get(i)));
    }
    if (recipients.isEmpty()) {
      s.missing("to");
    }
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.clock = context.clock();
  }

  static EmailNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    return new EmailNotifier(s, context);
  }

  @Override
  public Delivery send(Notification n) {
    return smtp.send((session, from) -> message(n));
  }

  MimeMessage message(Notification n) throws MessagingException {
    Messages.Text plain = messages.compose(n, s -> s, LIMITS);
    Messages.Text html = messages.compose(n, Messages::html, LIMITS);
    MimeMessage message = new MimeMessage(smtp.session());
    message.setFrom(smtp.from());
    message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
    message.setSubject(plain.title(), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("X-Tickr-Notification", n.id());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(plain.body() + "\n\nOpen in Tickr: " + plain.link() + "\n", "UTF-8");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html(html), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(rich);
    message.setContent(alternative);
    return message;
  }

  private static String html(Messages.Text text) {
    String body =
        text.lines().isEmpty()
            ? "<p>" + text.body().replace("\n", "<br>\n") + "</p>"
            : "<ul>\n<li>"
                + String.join("</li>\n<li>", text.lines())
                + "</li>\n</ul>"
                + (text.more() > 0 ? "\n<p>… and " + text.more() + " more</p>" : "");
    return "<!DOCTYPE html>\n<html><body>\n<h2>"
        + text.title()
        + "</h2>\n"
        + body
        + "\n<p><a href=\""
        + Messages.html(text.link())
        + "\">Open in Tickr</a></p>\n</body></html>\n";
  }

  @Override
  public String toString() {
    return name;
  }
}
