package dev.tickr.alert.channel;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Delivery.Outcome;
import dev.tickr.alert.Notification;
import dev.tickr.alert.Notifier;
import dev.tickr.check.net.TrustStores;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

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

  static final List<String> SECURITY = List.of("starttls", "tls", "none");
  static final Messages.Limits LIMITS = new Messages.Limits(200, 50_000);

  private final String name;
  private final Session session;
  private final String protocol;
  private final String host;
  private final int port;
  private final @Nullable String username;
  private final @Nullable String password;
  private final InternetAddress from;
  private final List<InternetAddress> to;
  private final Messages messages;
  private final Clock clock;
  private final SecretMask mask;

  private EmailNotifier(Settings s, Notifiers.Context context) {
    this.name = s.describe();
    String security = s.choice("security", SECURITY, "starttls");
    this.protocol = security.equals("tls") ? "smtps" : "smtp";
    this.host = s.required("host");
    this.port = (int) s.number("port", security.equals("tls") ? 465 : 587, 1, 65_535);
    this.username = s.text("username");
    this.password = s.text("password");
    if ((username == null) != (password == null)) {
      s.problem(username == null ? "password" : "username", "username needs a password");
    }
    this.from = address(s, "from", s.required("from"));
    this.to = new ArrayList<>();
    List<String> recipients = s.list("to");
    for (int i = 0; i < recipients.size(); i++) {
      to.add(address(s, "to[" + i + "]", recipients.get(i)));
    }
    if (recipients.isEmpty()) {
      s.missing("to");
    }
    long millis = s.timeout().toMillis();
    Properties p = new Properties();
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "connectiontimeout", String.valueOf(millis));
    p.put(prefix + "timeout", String.valueOf(millis));
    p.put(prefix + "writetimeout", String.valueOf(millis));
    p.put(prefix + "auth", String.valueOf(username != null));
    if (security.equals("starttls")) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (!security.equals("none")) {
      p.put(prefix + "ssl.checkserveridentity", "true");
      SSLContext tls = trust(s);
      if (tls != null) {
        p.put(prefix + "ssl.socketFactory", tls.getSocketFactory());
      }
    }
    this.session = Session.getInstance(p);
    this.messages = new Messages(s.template("title"), s.template("message"), context.clock());
    this.clock = context.clock();
    this.mask = s.mask();
  }

  static EmailNotifier create(Settings s, Notifiers.Context context) {
    s.allow(KEYS);
    return new EmailNotifier(s, context);
  }

  @Override
  public Delivery send(Notification n) {
    try (Transport transport = session.getTransport(protocol)) {
      MimeMessage message = message(n);
      transport.connect(host, port, username, password);
      transport.sendMessage(message, message.getAllRecipients());
      String answer =
          transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "sent";
      return Delivery.sent(null, answer(answer));
    } catch (AuthenticationFailedException e) {
      return failed(Outcome.FAILED, "authentication failed: " + e.getMessage());
    } catch (SMTPSendFailedException e) {
      // 4xx is the server's "try again later"; 5xx is a refusal.
      return failed(e.getReturnCode() / 100 == 4 ? Outcome.RETRY : Outcome.FAILED, e.getMessage());
    } catch (SendFailedException e) {
      return failed(Outcome.FAILED, "refused: " + e.getMessage());
    } catch (MessagingException e) {
      boolean network = e.getCause() instanceof IOException;
      return failed(network ? Outcome.RETRY : Outcome.FAILED, describe(e));
    }
  }

  MimeMessage message(Notification n) throws MessagingException {
    Messages.Text plain = messages.compose(n, s -> s, LIMITS);
    Messages.Text html = messages.compose(n, Messages::html, LIMITS);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
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

  private Delivery failed(Outcome outcome, @Nullable String why) {
    return new Delivery(outcome, null, answer(String.valueOf(why)), null);
  }

  private String answer(String text) {
    return Messages.cut(
        mask.apply(text.strip().replaceAll("\\s+", " ")), HttpDelivery.ANSWER_CHARS);
  }

  private static String describe(MessagingException e) {
    Throwable cause = e.getCause();
    String message = String.valueOf(e.getMessage());
    return cause == null ? message : message + ": " + cause.getMessage();
  }

  private static InternetAddress address(Settings s, String path, String text) {
    try {
      if (!text.isEmpty()) {
        return new InternetAddress(text, true);
      }
    } catch (AddressException e) {
      s.problem(path, path + " must be an email address, got \"" + text + "\"");
    }
    return new InternetAddress();
  }

  /** Trust for {@code ca-cert}: the JDK's CAs and the ones in the file; null when not set. */
  private static @Nullable SSLContext trust(Settings s) {
    String file = s.text("ca-cert");
    if (file == null) {
      return null;
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      List<X509Certificate> cas = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        cas.add((X509Certificate) c);
      }
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {new TrustStores().forExtraCas(cas)}, null);
      return tls;
    } catch (IOException | GeneralSecurityException e) {
      s.problem("ca-cert", "ca-cert: cannot read CA certificates from \"" + file + "\"");
      return null;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
