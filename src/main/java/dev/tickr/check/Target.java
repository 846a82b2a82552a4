package dev.tickr.check;

/** What a check observes. A closed family: every type has exactly one {@link Check}. */
public sealed interface Target permits HttpTarget, TcpTarget, TlsTarget, DnsTarget {
  /** A human name for what is probed (a URL, host:port), with secrets redacted. */
  String describe();
}
