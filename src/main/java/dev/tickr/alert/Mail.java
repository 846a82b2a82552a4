package dev.tickr.alert;

import java.util.Map;

/**
 * One plain-text mail to one address, with extra headers ({@code List-Unsubscribe}...).
 *
 * @param to the recipient; never logged
 */
public record Mail(String to, String subject, String text, Map<String, String> headers) {
  public Mail {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "Mail[subject=" + subject + "]";
  }
}
