package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.assertion.CheckResult;
import dev.tickr.check.Reason;
import dev.tickr.config.MonitorSpec;
import dev.tickr.documents.MonitorJson;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.platform.ShareasaleFake;
import dev.tickr.testing.PresetProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code shareasale} preset against a simulated ShareASale, with no user-written condition. */
class ShareasalePresetTest {
  private static final String TOKEN = "sasTok3nAbcdef12";
  private static final String SECRET = "sasS3cretKey0123456789abcdefABCD";

  private final Ledger ledger = new Ledger(Clock.systemUTC());
  private final PresetProbe sas = new PresetProbe(new ShareasaleFake(ledger, TOKEN, SECRET, 1000));

  ShareasalePresetTest() {
    ledger.seed(20, Duration.ofDays(3));
  }

  @AfterEach
  void close() {
    sas.close();
  }

  @Test
  void a_healthy_account_is_up_on_every_endpoint() throws Exception {
    CheckResult ledgerCheck = sas.probe();
    assertThat(ledgerCheck.success()).as("%s", ledgerCheck).isTrue();
    CheckResult credits = sas.probe("endpoint: credits");
    assertThat(credits.success()).as("%s", credits).isTrue();
  }

  @Test
  void the_whitelist_error_inside_a_200_is_ip_not_allowed() throws Exception {
    CheckResult r = probeUnder(Fault.IP_NOT_ALLOWED);
    assertThat(r.observation().status()).isEqualTo(200);
    assertThat(r.reason()).isEqualTo(Reason.IP_NOT_ALLOWED);
    assertThat(r.error()).contains("Error Code 4002");
  }

  @Test
  void other_error_codes_inside_a_200_are_body_errors() throws Exception {
    assertThat(probeUnder(Fault.ERROR_IN_200).reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(probeUnder(Fault.REVOKED).reason()).isEqualTo(Reason.BODY_ERROR);
    CheckResult badSecret = sas.probe("secret: wrong-secret-value");
    assertThat(badSecret.success()).isFalse();
    assertThat(badSecret.reason()).isEqualTo(Reason.BODY_ERROR);
    assertThat(badSecret.error()).contains("Invalid Signature");
  }

  @Test
  void a_spent_month_of_credits_is_rate_limited() throws Exception {
    assertThat(probeUnder(Fault.RATE_LIMITED).reason()).isEqualTo(Reason.RATE_LIMITED);
    try (PresetProbe few = new PresetProbe(new ShareasaleFake(ledger, TOKEN, SECRET, 2))) {
      // The monitor's quota says 100 a month; the account has 2 left.
      assertThat(few.probe("credits: 100").success()).isTrue();
      assertThat(few.probe("credits: 100").success()).isTrue();
      CheckResult third = few.probe("credits: 100");
      assertThat(third.reason()).isEqualTo(Reason.RATE_LIMITED);
    }
  }

  @Test
  void an_outage_is_an_http_status() throws Exception {
    assertThat(probeUnder(Fault.OUTAGE).reason()).isEqualTo(Reason.HTTP_STATUS);
  }

  @Test
  void the_fake_recomputes_the_signature_and_refuses_a_wrong_one_or_an_old_date() throws Exception {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String fresh = DateTimeFormatter.RFC_1123_DATE_TIME.format(now);
    String old = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusMinutes(10));
    String good = ShareasaleFake.signature(TOKEN, fresh, "ledger", SECRET);

    assertThat(call(fresh, good)).startsWith("ledgerid|");
    assertThat(call(fresh, ShareasaleFake.signature(TOKEN, fresh, "ledger", "other")))
        .contains("Invalid Signature");
    assertThat(call(fresh, ShareasaleFake.signature(TOKEN, fresh, "apitokencount", SECRET)))
        .contains("Invalid Signature");
    assertThat(call(old, ShareasaleFake.signature(TOKEN, old, "ledger", SECRET)))
        .contains("Invalid Date");
    assertThat(call(null, good)).contains("Error Code");
  }

  @Test
  void the_credentials_are_masked_where_the_monitor_is_shown() throws Exception {
    var config = sas.load(sas.monitor("probe", "token: sas_literal0000"));
    MonitorSpec spec = config.monitors().get(0);
    assertThat(spec.settings().secretValues()).contains("sas_literal0000");
    String shown =
        spec.settings().describe() + MonitorJson.of(spec, config.secretValues().values());
    assertThat(shown).doesNotContain("sas_literal0000");
    assertThat(shown).contains("token=***").doesNotContain(SECRET);
  }

  private String call(@Nullable String date, String signature) throws Exception {
    String url =
        sas.network().baseUrl("shareasale")
            + "/x.cfm?affiliateId="
            + ShareasaleFake.AFFILIATE
            + "&token="
            + TOKEN
            + "&version=2.3&action=ledger";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("x-ShareASale-Authentication", signature);
    if (date != null) {
      request.header("x-ShareASale-Date", date);
    }
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    }
  }

  private CheckResult probeUnder(Fault fault) throws Exception {
    sas.fake().fault(fault);
    CheckResult r = sas.probe();
    sas.fake().fault(Fault.NONE);
    assertThat(r.success()).as("%s under %s", r, fault).isFalse();
    return r;
  }
}
