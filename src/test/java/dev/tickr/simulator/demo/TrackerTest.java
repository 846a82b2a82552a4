package dev.tickr.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.SimulatedNetwork;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo's in-house tracker, over real HTTP on loopback. */
class TrackerTest {
  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final Tracker tracker = new Tracker(ledger, "api-token-1");
  private final SimulatedNetwork network = new SimulatedNetwork(List.of(tracker)).start();
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void close() {
    network.close();
  }

  @Test
  void the_click_redirect_adds_a_click_id_and_leads_only_to_its_own_pages() throws Exception {
    HttpResponse<String> click = get("/click?offer=1&url=landing");
    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("Location")).hasValue("landing?clickid=clk-1");
    assertThat(get("/click?url=http://203.0.113.9/").statusCode()).isEqualTo(400);
    assertThat(get("/click?url=//203.0.113.9/").statusCode()).isEqualTo(400);
  }

  @Test
  void the_postback_says_success_and_records_only_real_conversions() throws Exception {
    assertThat(get("/postback?clickid=clk-1&order=A1&amount=12.50").body())
        .isEqualTo("success=true;");
    assertThat(get("/postback?clickid=probe&order=p&amount=0&test=1").body())
        .isEqualTo("success=true;");
    assertThat(get("/postback?order=A2&amount=1").body())
        .isEqualTo("success=false; err_msg=Invalid Trans. ID;");
    assertThat(ledger.recent(Duration.ofMinutes(1)))
        .singleElement()
        .satisfies(c -> assertThat(c.orderId()).isEqualTo("A1"));

    tracker.fault(Fault.ERROR_IN_200);
    HttpResponse<String> paused = get("/postback?clickid=clk-2&order=A3&amount=1");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(paused.body()).startsWith("success=false; err_msg=");
    assertThat(get("/pixel.gif?clickid=clk-2&order=A3&amount=1").statusCode())
        .as("the pixel still loads while recording is down")
        .isEqualTo(200);
    assertThat(ledger.recent(Duration.ofMinutes(1))).hasSize(1);
  }

  @Test
  void the_api_takes_only_its_own_token_and_refuses_an_address_off_its_allow_list()
      throws Exception {
    String body = "{\"order_id\":\"B1\",\"amount\":\"9.90\"}";
    assertThat(post(body, "Bearer api-token-1").body()).contains("\"status\":\"OK\"");
    assertThat(post(body, "Bearer api-token-2").statusCode()).isEqualTo(401);
    assertThat(post(body, null).statusCode()).isEqualTo(401);

    tracker.fault(Fault.IP_NOT_ALLOWED);
    HttpResponse<String> refused = post(body, "Bearer api-token-1");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("is not on the allow list");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(network.baseUrl("tracker") + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String json, @org.jspecify.annotations.Nullable String auth)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(network.baseUrl("tracker") + "/api/conversions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
