package dev.tickr.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickr.check.template.RenderContext;
import dev.tickr.check.template.Template;
import dev.tickr.check.template.TemplateException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What an HTTP request with placeholders sends: URL values encoded, headers and body as text. */
class RequestTemplateTest {
  private static final RenderContext AT =
      new RenderContext(Instant.parse("2026-12-07T20:15:42Z"), new SplittableRandom(3));

  private static Template parsed(String text) {
    return Objects.requireNonNull(RequestTemplate.parse(text));
  }

  @Test
  void a_text_without_placeholders_is_no_template_and_a_target_without_any_has_none() {
    assertThat(RequestTemplate.parse("https://a.test/x?y={z}")).isNull();
    assertThat(RequestTemplate.parse("literal \\{{ braces")).isNotNull();
    assertThat(RequestTemplate.of(null, List.of(), null)).isNull();
  }

  @Test
  void values_in_a_url_are_percent_encoded_so_they_mean_themselves() {
    Template url =
        parsed(
            "https://a.test/r?at={{now:rfc1123}}&local={{now@Asia/Kolkata}}&d={{now:yyyy-MM-dd}}");
    HttpTarget written = HttpTarget.get(RequestTemplate.sampleUrl(url));

    HttpTarget sent = new RequestTemplate(url, List.of(), null).render(written, AT);

    assertThat(sent.url().getRawQuery())
        .isEqualTo(
            "at=Mon%2C%2007%20Dec%202026%2020:15:42%20GMT&local=2026-12-08T01:45:42%2B05:30"
                + "&d=2026-12-07");
    assertThat(sent.url().getQuery()).contains("local=2026-12-08T01:45:42+05:30");
    assertThat(sent.template()).isNull();
  }

  @Test
  void headers_and_body_are_filled_in_and_keep_their_name_and_secrecy() {
    HttpTarget written =
        new HttpTarget(
                URI.create("https://a.test/"),
                "POST",
                List.of(Header.plain("Accept", "*/*"), Header.secret("X-Key", "k-{{now:unix}}")),
                Payload.of("{\"at\": \"{{now:yyyy}}\"}"),
                true,
                1024,
                false,
                List.of())
            .withTemplate(
                new RequestTemplate(
                    null,
                    List.of(new RequestTemplate.HeaderTemplate(1, parsed("k-{{now:unix}}"))),
                    parsed("{\"at\": \"{{now:yyyy}}\"}")));

    HttpTarget sent = Objects.requireNonNull(written.template()).render(written, AT);

    assertThat(sent.headers())
        .containsExactly(Header.plain("Accept", "*/*"), Header.secret("X-Key", "k-1796674542"));
    assertThat(new String(Objects.requireNonNull(sent.body()).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"at\": \"2026\"}");
    assertThat(sent.url()).isEqualTo(written.url());
  }

  @Test
  void the_given_part_of_a_secret_header_with_placeholders_is_masked() {
    Template value = parsed("Bearer tok-3c2b1a09 {{now:unix}}");
    HttpTarget target =
        new HttpTarget(
                URI.create("https://a.test/"),
                "GET",
                List.of(Header.secret("Authorization", value.text())),
                null,
                true,
                1024,
                false,
                List.of())
            .withTemplate(
                new RequestTemplate(
                    null, List.of(new RequestTemplate.HeaderTemplate(0, value)), null));

    assertThat(Redaction.secretsOf(target)).contains("tok-3c2b1a09").doesNotContain("Bearer");
  }

  @Test
  void a_url_shows_its_placeholders_as_written_with_secrets_masked() {
    Template url = parsed("https://a.test/r?api_key=abcd1234&from={{now-1d/d:unix}}");
    HttpTarget target =
        HttpTarget.get(RequestTemplate.sampleUrl(url))
            .withTemplate(new RequestTemplate(url, List.of(), null));

    assertThat(target.describe())
        .isEqualTo("GET https://a.test/r?api_key=***&from={{now-1d/d:unix}}");
  }

  @Test
  void the_scheme_host_and_port_must_be_written_out() {
    for (String text :
        List.of("https://{{uuid}}.a.test/", "https://a.test:{{random:4}}/", "http{{uuid}}://a/")) {
      Template url = parsed(text);
      assertThatThrownBy(() -> RequestTemplate.sampleUrl(url))
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining("cannot be in the URL's scheme, host or port");
    }
    assertThat(RequestTemplate.sampleUrl(parsed("https://a.test:8443/{{uuid}}")).getPort())
        .isEqualTo(8443);
  }
}
