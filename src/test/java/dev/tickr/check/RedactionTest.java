package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void a_url_loses_its_user_info_and_secret_query_values() {
    assertThat(
            Redaction.url(
                URI.create(
                    "https://bob:pw@api.example.com/v1/report?NetworkToken=abc&page=2&api_key=k#x")))
        .isEqualTo("https://***@api.example.com/v1/report?NetworkToken=***&page=2&api_key=***#x");
  }

  @Test
  void scrub_masks_every_known_value_and_secret_parameters_of_urls_in_the_text() {
    String page =
        "{\"error\":\"invalid token tok-12345 for account\","
            + " \"retry\":\"https://api.example.com/x?sid=9&signature=f00ba4&page=1\"}";

    assertThat(Redaction.scrub(page, Set.of("tok-12345")))
        .isEqualTo(
            "{\"error\":\"invalid token *** for account\","
                + " \"retry\":\"https://api.example.com/x?sid=9&signature=***&page=1\"}");
  }

  @Test
  void short_values_are_not_searched_for() {
    assertThat(Redaction.scrub("status 200 ok", Set.of("200", "ok"))).isEqualTo("status 200 ok");
  }

  @Test
  void a_secret_cut_off_at_the_end_is_masked_too_and_so_is_any_cut_end() {
    String start = "a log of the job, long enough to show what is kept. ";
    assertThat(Redaction.scrubCut(start + "the key is s3cr3t-", Set.of("s3cr3t-value")))
        .isEqualTo(start.substring(0, start.length() + 18 - 32) + "***");
    assertThat(Redaction.scrubCut(start + "the key is nothing", Set.of("s3cr3t-value")))
        .isEqualTo(start.substring(0, start.length() + 18 - 32) + "***");
  }

  @Test
  void before_each_mark_of_a_shortened_value_the_same_number_of_characters_is_masked() {
    String left = "x".repeat(40);
    String text = "failed (actual " + left + "s3cr3t-…) and (actual " + left + "nothing…) done";
    assertThat(Redaction.scrubShortened(text, Set.of("s3cr3t-value")))
        .isEqualTo(
            "failed (actual "
                + left.substring(0, 40 + 7 - 32)
                + "***…) and (actual "
                + left.substring(0, 40 + 7 - 32)
                + "***…) done");
    assertThat(Redaction.scrubShortened(text, Set.of())).isEqualTo(text);
    assertThat(Redaction.scrubShortened("no mark, s3cr3t-value here", Set.of("s3cr3t-value")))
        .isEqualTo("no mark, *** here");
  }

  @Test
  void the_secrets_of_a_request_include_the_bare_credentials() {
    String basic =
        Base64.getEncoder().encodeToString("reports:hunter22".getBytes(StandardCharsets.UTF_8));
    HttpTarget target =
        new HttpTarget(
            URI.create("https://svc:urlpass1@api.example.com/r?api_key=k%2Fey1&page=3"),
            "GET",
            List.of(
                Header.secret("Authorization", "Bearer tok-abcdef"),
                Header.secret("X-Basic", "Basic " + basic),
                Header.plain("X-Api-Key", "plainly-secret"),
                Header.plain("Accept", "application/json")),
            null,
            true,
            HttpTarget.DEFAULT_MAX_BODY,
            false,
            List.of());

    assertThat(Redaction.secretsOf(target))
        .contains(
            "Bearer tok-abcdef",
            "tok-abcdef",
            basic,
            "hunter22",
            "plainly-secret",
            "urlpass1",
            "k%2Fey1",
            "k/ey1")
        .doesNotContain("application/json", "3");
  }

  @Test
  void secret_names_are_told_by_what_they_contain_in_any_case() {
    assertThat(
            List.of(
                "token",
                "X-Auth-Token",
                "client_secret",
                "PASSWORD",
                "pwd",
                "api_key",
                "API-KEY",
                "apikey",
                "AccessKey",
                "access_key",
                "signature",
                "sig",
                "Authorization",
                "credentials",
                "sessionid",
                "key",
                "KEY"))
        .allMatch(Redaction::isSecretName);
    assertThat(List.of("click_id", "payout", "currency", "network", "sub1", "keyword", "id", ""))
        .noneMatch(Redaction::isSecretName);
  }
}
