package dev.tickr.alert.channel;

import dev.tickr.alert.Delivery;
import dev.tickr.alert.Delivery.Outcome;
import dev.tickr.check.net.TrustStores;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP settings of an {@code email} channel ({@code host}, {@code port}, {@code security},
 * {@code username}, {@code password}, {@code from}, {@code ca-cert}, {@code timeout}) and sending
 * one message with them: what the channel's alerts and the status-page subscriptions share.
 */
final class Smtp {
  static final List<String> SECURITY = List.of("starttls", "tls", "none");

  /** Builds the message to send in the session of these settings. */
  @FunctionalInterface
  interface Composer {
    MimeMessage compose(Session session, InternetAddress from) throws MessagingException;
  }

  private final Session session;
  private final String protocol;
  private final String host;
  private final int port;
  private final @Nullable String username;
  private final @Nullable String password;
  private final InternetAddress from;
  private final SecretMask mask;

  Smtp(Settings s) {
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
    this.mask = s.mask();
  }

  Session session() {
    return session;
  }

  InternetAddress from() {
    return from;
  }

  /** Sends what {@code composer} makes; the answer is masked and short. */
  Delivery send(Composer composer) {
    try (Transport transport = session.getTransport(protocol)) {
      MimeMessage message = composer.compose(session, from);
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

  static InternetAddress address(Settings s, String path, String text) {
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
}
