package dev.tickr.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gatus conditions carried over only where Tickr judges them the same way. */
class GatusConditionsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[STATUS] == 200                     | [STATUS] == 200",
        "[status] == 200                     | [STATUS] == 200",
        "200 == [STATUS]                     | [STATUS] == 200",
        "500 > [RESPONSE_TIME]               | [RESPONSE_TIME] < 500",
        "[RESPONSE_TIME] < 500ms             | [RESPONSE_TIME] < 500ms",
        "pat(192.168.*) == [IP]              | [IP] == pat(192.168.*)",
        "any(200, 429) != [STATUS]           | [STATUS] != any(200, 429)",
        "[BODY].user.name == john            | [BODY].user.name == john",
        "[BODY].name == \"john\"             | [BODY].name == \"\\\"john\\\"\"",
        "[BODY].age == [BODY].id             | [BODY].age == [BODY].id",
        "len([BODY].data) < 5                | len([BODY].data) < 5",
        "has([BODY].errors) == false         | has([BODY].errors) == false",
        "[CERTIFICATE_EXPIRATION] > 48h      | [CERTIFICATE_EXPIRATION] > 48h",
        "[BODY].count == 16                  | [BODY].count == 16",
        "[BODY].count == 0x10                | [BODY].count == 0x10",
        "[BODY].count != 0o20                | [BODY].count != 0o20",
        "[BODY].n == 1_000                   | [BODY].n == 1_000",
        "[BODY].flags >= 0b100               | [BODY].flags >= 0b100",
        "[BODY].ttl == 2s                    | [BODY].ttl == \"2s\"",
        "len([BODY]) > 10                    | len([BODY]) > 10",
        "has([BODY]) == true                 | has([BODY]) == true",
        "1 == 1                              | 1 == 1",
        "any(200, 429) == 200                | any(200, 429) == 200",
        "[STATUS] == any(200, 429)           | [STATUS] == any(200, 429)",
      })
  void keeps_conditions_whose_meaning_is_the_same(String gatus, String tickr) {
    assertThat(GatusConditions.translate(gatus, false).condition()).isEqualTo(tickr);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[DOMAIN_EXPIRATION] > 720h   | Tickr has no [DOMAIN_EXPIRATION] yet",
        "[CONTEXT].id == 1            | Gatus suites",
        "[BODY].count == 010          | Gatus reads 010 as octal",
        "[BODY].count > 010           | Gatus reads 010 as octal",
        "[BODY].id == any(0x1, 2)     | Gatus compares 0x1 in any() as text",
        "[BODY].v == any(1.0, 2)      | Gatus compares 1.0 in any() as text",
        "a < b                        | Gatus orders the text \"a\" as 0",
        "[BODY].price > 1.5           | Gatus orders whole numbers only",
        "[BODY].state > open          | Gatus orders the text \"open\" as 0",
        "[CERTIFICATE_EXPIRATION] > 7d | its d unit is not Go's",
        "[BODY].version == 1.10       | Tickr compares numbers by value",
        "[BODY].name == pat(j[ao]hn)  | character classes",
        "[STATUS]==200                | no operator surrounded by spaces",
        "[STATUS] == OK               | Tickr cannot judge it",
      })
  void leaves_out_conditions_that_would_change_meaning(String gatus, String why) {
    GatusConditions.Result result = GatusConditions.translate(gatus, false);
    assertThat(result.condition()).isNull();
    assertThat(result.whyNot()).contains(why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[DNS_RCODE] == NOERROR | [HEADER].X-Dns-Rcode == NOERROR",
        "[BODY] == 93.184.215.14 | ",
        "[DNS_RCODE] == NXDOMAIN | ",
      })
  void on_dns_endpoints_only_the_answer_code_noerror_is_kept(String gatus, String tickr) {
    assertThat(GatusConditions.translate(gatus, true).condition()).isEqualTo(tickr);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/5 * * * *    | PT5M  | PT5M",
        "15 5 * * *     | PT24H | PT24H",
        "@hourly        | PT1H  | PT1H",
        "0,30 * * * *   | PT30M | PT30M",
        "30 9 * * 1-5   | PT24H | PT72H",
        "0 0 * * SUN    | PT168H | PT168H",
        "0 0 1 * *      | PT672H | PT744H",
        "0 12 * * 7     | PT168H | PT168H",
      })
  void cron_schedules_give_their_shortest_and_longest_gap(
      String cron, Duration shortest, Duration longest) {
    assertThat(CronGaps.of(cron)).isEqualTo(new CronGaps.Gaps(shortest, longest));
  }

  @ParameterizedTest
  @CsvSource({"*-*~1 12:00", "0 12 L * *", "0 12 * * 1#2", "61 * * * *", "* * *"})
  void cron_schedules_it_cannot_read_give_nothing(String cron) {
    assertThat(CronGaps.of(cron)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "${HOST}/x       | ${HOST}/x",
        "$HOST/x         | ${HOST}/x",
        "price $$5       | price $5",
        "$${NOT}         | $${NOT}",
      })
  void gatus_variables_become_tickrs(String gatus, String tickr) {
    assertThat(GatusImport.env(gatus)).isEqualTo(tickr);
  }
}
