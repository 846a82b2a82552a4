package dev.tickr.check.http;

/** Where in an HTTP exchange a check was when it stopped; names read in "while ..." phrases. */
enum Phase {
  START("starting the request"),
  DNS("resolving DNS"),
  CONNECT("connecting"),
  TLS("in the TLS handshake"),
  SENDING("sending the request"),
  WAITING("waiting for the response"),
  HEADERS("reading the response headers"),
  BODY("reading the body");

  private final String phrase;

  Phase(String phrase) {
    this.phrase = phrase;
  }

  String phrase() {
    return phrase;
  }
}
