package dev.tickr.check.auth;

/**
 * One piece of a signing template: text written as is, or a value of the request, of the signing or
 * of the named secrets, written <code>{name}</code> or <code>{name:argument}</code>.
 */
public sealed interface SignaturePart {

  /** Text written as is. */
  record Literal(String text) implements SignaturePart {}

  /** <code>{method}</code>: the request method, upper case. */
  record Method() implements SignaturePart {}

  /** <code>{path}</code>: the URL's path as sent (percent-encoded), {@code /} when empty. */
  record Path() implements SignaturePart {}

  /** <code>{query}</code>: the URL's query string as written, without {@code ?}; may be empty. */
  record Query() implements SignaturePart {}

  /** <code>{query:NAME}</code>: the decoded value of the URL's first parameter NAME. */
  record QueryParameter(String name) implements SignaturePart {}

  /** <code>{date}</code>: the signing's date in the template's format, the same everywhere. */
  record Date() implements SignaturePart {}

  /** <code>{nonce}</code>: a random UUID made for the signing, the same everywhere. */
  record Nonce() implements SignaturePart {}

  /** <code>{body}</code>: the request body's bytes; nothing without a body. */
  record Body() implements SignaturePart {}

  /**
   * <code>{body-sha256}</code>, <code>{body-md5}</code>: the body's digest in lower-case hex (of
   * nothing, without a body).
   *
   * @param spelling the part's name, e.g. {@code body-sha256}
   * @param algorithm the JCA name: {@code SHA-256} or {@code MD5}
   */
  record BodyHash(String spelling, String algorithm) implements SignaturePart {}

  /** <code>{secret:NAME}</code>: the value of the named secret. */
  record Secret(String name) implements SignaturePart {}

  /** <code>{signature}</code>: the signature, encoded; only where it is placed, never signed. */
  record Signature() implements SignaturePart {}
}
