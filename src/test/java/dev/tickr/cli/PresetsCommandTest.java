package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tickr presets [NAME]} as a user reads it. */
class PresetsCommandTest {
  /** Were a credential ever to leak into the output, this is what would show. */
  private static final String TOKEN = "pr3set-s3cret-t0ken";

  private final CliRunner cli = new CliRunner(Map.of("IMPACT_TOKEN", TOKEN));

  @Test
  void without_a_name_it_lists_every_preset_with_its_endpoints() {
    CliRunner.Run run = cli.run("presets");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst())
        .hasValueSatisfying(h -> assertThat(h).startsWith("NAME"));
    assertThat(run.out())
        .containsPattern(
            "(?m)^impact +Impact\\.com +actions, campaigns +Impact\\.com's partner API");
  }

  @Test
  void with_a_name_it_shows_what_the_preset_calls_needs_and_applies() {
    CliRunner.Run run = cli.run("presets", "impact");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("impact: Impact.com\n")
        .contains("https://integrations.impact.com/partner-api-reference/readme/rate-limits")
        .containsPattern("(?m)^  account \\(required\\): the Account SID .*IR\\[A-Za-z0-9]\\{32}")
        .containsPattern("(?m)^  token \\(required, secret\\): .*give it as \\$\\{IMPACT_TOKEN}")
        .containsPattern(
            "(?m)^  role \\(optional, default Mediapartners\\): .*one of Mediapartners")
        .containsPattern(
            "(?m)^  endpoint \\(optional, default actions\\): .*one of actions, campaigns")
        .contains("  actions (the default): the actions (conversions)")
        .contains("calls:      GET ((base-url))/((role))/((account))/Actions?PageSize=2000")
        .contains("auth:       {basic: {username: ((account)), password: ((token))}}")
        // the preset's condition, then the endpoint's
        .containsPattern(
            "conditions: \\[STATUS] == 200\n +has\\(\\[BODY]\\.Actions\\) == true\n"
                + " +age\\(\\[BODY]\\.Actions\\[-1]\\.EventDate\\) < \\(\\(fresh-within\\)\\)\n")
        .contains("reasons:    body-error: \"Status\"\\s*:\\s*\"ERROR\"")
        .contains("quota:      {key: impact-actions-((account)), limit: 500, per: 1h, share: 10%}")
        .contains("interval:   15m")
        .contains("timeout:    30s")
        .contains(
            """
              - name: impact-campaigns
                preset: impact
                account: ${IMPACT_SID}
                token: ${IMPACT_TOKEN}
                endpoint: campaigns
            """)
        .doesNotContain(TOKEN);
  }

  @Test
  void an_unknown_name_is_a_usage_error_with_a_suggestion() {
    CliRunner.Run run = cli.run("presets", "impakt");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "presets: no preset \"impakt\" (did you mean \"impact\"?); the presets are "
                + "impact, cj, awin, rakuten, everflow, tune, shareasale, partnerstack, tapfiliate,"
                + " firstpromoter, refersion\n");
  }
}
