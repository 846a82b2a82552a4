package dev.tickr.alert.channel;

import dev.tickr.alert.Mail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;

/** A {@link Mail} as a plain-text MIME message from the channel's {@code from}. */
final class SubscriberMessage {
  private SubscriberMessage() {}

  static MimeMessage of(Session session, InternetAddress from, Mail mail)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.text(), "UTF-8");
    for (Map.Entry<String, String> h : mail.headers().entrySet()) {
      message.setHeader(h.getKey(), h.getValue());
    }
    return message;
  }
}
