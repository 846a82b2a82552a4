package dev.tickr.alert;

/** Sends a {@link Mail} with an email channel's SMTP settings. */
@FunctionalInterface
public interface Mailer {
  /** Sends, within the channel's timeout; a failure is a {@link Delivery}, never an exception. */
  Delivery send(Mail mail);
}
