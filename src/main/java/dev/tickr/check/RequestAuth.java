package dev.tickr.check;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Credentials made for each request rather than fixed when the config is read: an OAuth2 access
 * token fetched and cached, or a signature over the request. An implementation never throws for a
 * failing credential source; it answers {@link Refused} with the failure to report.
 */
public interface RequestAuth {

  /**
   * The request as it will be sent, before the credentials are added.
   *
   * @param body the request body, or {@code null} when there is none
   * @param via the monitored target, whose proxy, trusted CAs, {@code insecure} and client
   *     certificate the auth's own requests (an OAuth2 token fetch) use too; {@code null} to go
   *     direct with the system's trust
   */
  record Request(String method, URI url, @Nullable Payload body, @Nullable HttpTarget via) {
    public Request(String method, URI url, @Nullable Payload body) {
      this(method, url, body, null);
    }
  }

  /** What {@link #apply} gives: credentials to add, or why the request cannot be sent. */
  sealed interface Outcome permits Credentials, Refused {}

  /**
   * What to add to one request: headers (secret unless said otherwise) and query parameters
   * appended to the URL.
   */
  record Credentials(List<Header> headers, List<Header> query) implements Outcome {
    public Credentials {
      headers = List.copyOf(headers);
      query = List.copyOf(query);
    }
  }

  /** The credentials could not be had (say, the token endpoint refused): the check fails so. */
  record Refused(Failure failure) implements Outcome {}

  /** The credentials for {@code request}, made by the deadline. */
  Outcome apply(Request request, Deadline deadline);

  /**
   * The server answered 401 to a request that carried {@code used}. True when sending the request
   * once more may help (a cached token was dropped and a new one will be fetched); the check asks
   * again at most once.
   */
  default boolean rejected(Credentials used) {
    return false;
  }

  /**
   * The secret values this auth holds or has made, current ones included (a minted token), so that
   * evidence that echoes one can be masked.
   */
  Set<String> secretValues();

  /** A short description for people, without any secret. */
  String describe();

  /**
   * A text that changes whenever the settings change (secrets included: it is only ever hashed), so
   * that a reload notices an edit.
   */
  String identity();
}
