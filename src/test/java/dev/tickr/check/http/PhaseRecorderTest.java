package dev.tickr.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@link PhaseRecorder} fed OkHttp's events in the order OkHttp fires them, on a ticker the test
 * moves: exact sums per phase and over hops, and the phase a timeout would name. The same behaviour
 * against real servers is in {@link HttpCheckPhasesTest}.
 */
class PhaseRecorderTest {
  private static final Request REQUEST =
      new Request.Builder().url("https://api.tickr.test/").build();
  private static final Call CALL = new OkHttpClient().newCall(REQUEST);
  private static final Response RESPONSE =
      new Response.Builder()
          .request(REQUEST)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .build();

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final PhaseRecorder recorder = new PhaseRecorder(now::get);
  private final InetSocketAddress first = address(1);
  private final InetSocketAddress second = address(2);

  @Test
  void nothing_measured_before_anything_happened() {
    assertThat(recorder.phase()).isEqualTo(Phase.START);
    assertThat(recorder.dns()).isNull();
    assertThat(recorder.connect()).isNull();
    assertThat(recorder.tls()).isNull();
    assertThat(recorder.ttfb()).isNull();
    assertThat(recorder.connected()).isFalse();
    assertThat(recorder.ip()).isNull();
  }

  @Test
  void one_https_exchange_is_split_into_its_phases() {
    httpsHop(10, 20, 30, 40);

    assertThat(recorder.dns()).isEqualTo(ms(10));
    assertThat(recorder.connect()).isEqualTo(ms(20));
    assertThat(recorder.tls()).isEqualTo(ms(30));
    assertThat(recorder.ttfb()).isEqualTo(ms(40));
    assertThat(recorder.connected()).isTrue();
    assertThat(recorder.ip()).isEqualTo(first.getAddress());
    assertThat(recorder.protocol()).isEqualTo(Protocol.HTTP_1_1);
    assertThat(recorder.phase()).isEqualTo(Phase.BODY);
  }

  @Test
  void every_phase_is_summed_over_the_hops() {
    httpsHop(10, 20, 30, 40);
    httpsHop(1, 2, 3, 4);
    httpsHop(100, 200, 300, 400);

    assertThat(recorder.dns()).isEqualTo(ms(111));
    assertThat(recorder.connect()).isEqualTo(ms(222));
    assertThat(recorder.tls()).isEqualTo(ms(333));
    assertThat(recorder.ttfb()).isEqualTo(ms(444));
  }

  @Test
  void a_plain_connection_ends_its_connect_phase_on_connect_end_and_has_no_tls() {
    recorder.callStart(CALL);
    recorder.connectStart(CALL, first, Proxy.NO_PROXY);
    advance(7);
    recorder.connectEnd(CALL, first, Proxy.NO_PROXY, Protocol.HTTP_1_1);

    assertThat(recorder.connect()).isEqualTo(ms(7));
    assertThat(recorder.tls()).isNull();
    assertThat(recorder.dns()).as("an IP address is not looked up").isNull();
  }

  @Test
  void connect_spans_every_address_tried_and_remembers_the_last() {
    recorder.callStart(CALL);
    recorder.connectStart(CALL, first, Proxy.NO_PROXY);
    advance(5);
    recorder.connectFailed(
        CALL, first, Proxy.NO_PROXY, null, new ConnectException("Connection refused"));
    advance(1);
    recorder.connectStart(CALL, second, Proxy.NO_PROXY);
    advance(3);
    recorder.connectEnd(CALL, second, Proxy.NO_PROXY, Protocol.HTTP_1_1);

    assertThat(recorder.connect()).isEqualTo(ms(8));
    assertThat(recorder.ip()).isEqualTo(second.getAddress());
    assertThat(recorder.connected()).isTrue();
  }

  @Test
  void a_refused_connection_counts_as_connect_time_and_not_as_connected() {
    recorder.callStart(CALL);
    recorder.connectStart(CALL, first, Proxy.NO_PROXY);
    advance(2);
    recorder.connectFailed(
        CALL, first, Proxy.NO_PROXY, null, new ConnectException("Connection refused"));
    recorder.callFailed(CALL, new ConnectException("Connection refused"));

    assertThat(recorder.connect()).isEqualTo(ms(2));
    assertThat(recorder.connected()).isFalse();
    assertThat(recorder.ip()).isEqualTo(first.getAddress());
  }

  @Test
  void a_lookup_that_fails_still_counts_as_dns_time() {
    recorder.callStart(CALL);
    recorder.dnsStart(CALL, "nowhere.tickr.test");
    advance(25);
    recorder.callFailed(CALL, new UnknownHostException("nowhere.tickr.test"));

    assertThat(recorder.dns()).isEqualTo(ms(25));
    assertThat(recorder.phase()).isEqualTo(Phase.DNS);
  }

  @Test
  void a_handshake_that_fails_still_counts_as_tls_time() {
    recorder.callStart(CALL);
    recorder.connectStart(CALL, first, Proxy.NO_PROXY);
    advance(4);
    recorder.secureConnectStart(CALL);
    advance(9);
    IOException refused = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
    recorder.connectFailed(CALL, first, Proxy.NO_PROXY, null, refused);
    recorder.callFailed(CALL, refused);

    assertThat(recorder.connect()).isEqualTo(ms(4));
    assertThat(recorder.tls()).isEqualTo(ms(9));
    assertThat(recorder.connected()).as("TCP connected before the handshake").isTrue();
    assertThat(recorder.phase()).isEqualTo(Phase.TLS);
  }

  @Test
  void ttfb_runs_from_the_request_head_through_its_body_to_the_answer() {
    recorder.callStart(CALL);
    recorder.connectStart(CALL, first, Proxy.NO_PROXY);
    recorder.connectEnd(CALL, first, Proxy.NO_PROXY, Protocol.HTTP_1_1);
    advance(50);
    recorder.requestHeadersStart(CALL);
    assertThat(recorder.phase()).isEqualTo(Phase.SENDING);
    advance(1);
    recorder.requestHeadersEnd(CALL, REQUEST);
    assertThat(recorder.phase()).isEqualTo(Phase.WAITING);
    recorder.requestBodyStart(CALL);
    assertThat(recorder.phase()).isEqualTo(Phase.SENDING);
    advance(6);
    recorder.requestBodyEnd(CALL, 1024);
    assertThat(recorder.phase()).isEqualTo(Phase.WAITING);
    advance(13);
    recorder.responseHeadersStart(CALL);
    assertThat(recorder.phase()).isEqualTo(Phase.HEADERS);
    recorder.responseHeadersEnd(CALL, RESPONSE);

    assertThat(recorder.ttfb()).isEqualTo(ms(20));
    assertThat(recorder.phase()).isEqualTo(Phase.BODY);
  }

  @Test
  void each_hop_starts_over_in_the_start_phase_and_unconnected() {
    httpsHop(1, 1, 1, 1);

    recorder.callStart(CALL);

    assertThat(recorder.phase()).isEqualTo(Phase.START);
    assertThat(recorder.connected()).isFalse();
    assertThat(recorder.dns()).as("what earlier hops took stays").isEqualTo(ms(1));
  }

  /** One hop over a new HTTPS connection, each phase taking the given milliseconds. */
  private void httpsHop(long dns, long connect, long tls, long ttfb) {
    recorder.callStart(CALL);
    recorder.dnsStart(CALL, "api.tickr.test");
    assertThat(recorder.phase()).isEqualTo(Phase.DNS);
    advance(dns);
    recorder.dnsEnd(CALL, "api.tickr.test", List.of(first.getAddress()));
    recorder.connectStart(CALL, first, Proxy.NO_PROXY);
    assertThat(recorder.phase()).isEqualTo(Phase.CONNECT);
    advance(connect);
    recorder.secureConnectStart(CALL);
    assertThat(recorder.phase()).isEqualTo(Phase.TLS);
    advance(tls);
    recorder.secureConnectEnd(CALL, null);
    recorder.connectEnd(CALL, first, Proxy.NO_PROXY, Protocol.HTTP_1_1);
    advance(1);
    recorder.requestHeadersStart(CALL);
    recorder.requestHeadersEnd(CALL, REQUEST);
    advance(ttfb);
    recorder.responseHeadersStart(CALL);
    recorder.responseHeadersEnd(CALL, RESPONSE);
    advance(3);
  }

  private void advance(long millis) {
    now.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static InetSocketAddress address(int last) {
    try {
      return new InetSocketAddress(
          InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last}), 443);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
