package dev.tickr.check.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  /** Monday 2026-12-07 20:15:42.123 UTC. */
  private static final Instant NOW = Instant.parse("2026-12-07T20:15:42.123Z");

  private static String render(String text, Instant now) {
    return Template.parse(text).render(new RenderContext(now, new SplittableRandom(7)));
  }

  private static String render(String text) {
    return render(text, NOW);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {{now}}                                     | 2026-12-07T20:15:42Z
          {{now:iso}}                                 | 2026-12-07T20:15:42Z
          {{now:unix}}                                | 1796674542
          {{now:unix-ms}}                             | 1796674542123
          {{now:rfc1123}}                             | Mon, 07 Dec 2026 20:15:42 GMT
          {{now:yyyy-MM-dd}}                          | 2026-12-07
          {{now:yyyy-MM-dd'T'HH:mm:ss}}               | 2026-12-07T20:15:42
          {{ now:yyyy-MM-dd }}                        | 2026-12-07
          {{now-7d}}                                  | 2026-11-30T20:15:42Z
          {{now+1h:unix}}                             | 1796678142
          {{now-1d/d:yyyy-MM-dd}}                     | 2026-12-06
          {{now-1d-2h}}                               | 2026-12-06T18:15:42Z
          {{now-30d/d}}                               | 2026-11-07T00:00:00Z
          {{now/h}}                                   | 2026-12-07T20:00:00Z
          {{now/m}}                                   | 2026-12-07T20:15:00Z
          {{now/w}}                                   | 2026-12-07T00:00:00Z
          {{now-1d/w}}                                | 2026-11-30T00:00:00Z
          {{now/M}}                                   | 2026-12-01T00:00:00Z
          {{now-1M/M:yyyy-MM-dd}}                     | 2026-11-01
          {{now/y}}                                   | 2026-01-01T00:00:00Z
          {{now-1y}}                                  | 2025-12-07T20:15:42Z
          {{now-90s}}                                 | 2026-12-07T20:14:12Z
          {{now@America/Los_Angeles}}                 | 2026-12-07T12:15:42-08:00
          {{now/d@America/Los_Angeles}}               | 2026-12-07T00:00:00-08:00
          {{now/d:unix@America/Los_Angeles}}          | 1796630400
          {{now:rfc1123@Europe/Berlin}}               | Mon, 07 Dec 2026 21:15:42 +0100
          a{{now:yyyy}}b{{now:MM}}c                   | a2026b12c
          \\{{now}} stays                             | {{now}} stays
          no placeholder                              | no placeholder
          """)
  void renders_each_time_placeholder(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void a_month_rounds_to_its_first_day_even_at_its_end() {
    Instant lastOfMarch = Instant.parse("2027-03-31T23:59:59Z");
    assertThat(render("{{now/M:yyyy-MM-dd}}", lastOfMarch)).isEqualTo("2027-03-01");
    assertThat(render("{{now-1M:yyyy-MM-dd}}", lastOfMarch)).isEqualTo("2027-02-28");
    assertThat(render("{{now-1M/M:yyyy-MM-dd}}", lastOfMarch)).isEqualTo("2027-02-01");
  }

  @Test
  void a_day_in_a_zone_is_a_calendar_day_across_a_change_of_summer_time() {
    // Los Angeles moved to summer time at 2027-03-14 02:00 local: that day had 23 hours.
    Instant morningAfter = Instant.parse("2027-03-15T16:00:00Z"); // 09:00 PDT on the 15th
    assertThat(render("{{now-1d/d@America/Los_Angeles}}", morningAfter))
        .isEqualTo("2027-03-14T00:00:00-08:00");
    assertThat(render("{{now-1d/d:unix@America/Los_Angeles}}", morningAfter))
        .isEqualTo(Long.toString(Instant.parse("2027-03-14T08:00:00Z").getEpochSecond()));
    assertThat(render("{{now/d@America/Los_Angeles}}", morningAfter))
        .isEqualTo("2027-03-15T00:00:00-07:00");
    Instant noonOfTheChange = Instant.parse("2027-03-14T19:00:00Z"); // 12:00 PDT
    assertThat(render("{{now-1d@America/Los_Angeles}}", noonOfTheChange))
        .as("one calendar day back keeps the local time, 24 h do not")
        .isEqualTo("2027-03-13T12:00:00-08:00");
    assertThat(render("{{now-24h@America/Los_Angeles}}", noonOfTheChange))
        .isEqualTo("2027-03-13T11:00:00-08:00");
  }

  @Test
  void a_uuid_is_a_random_version_4_uuid() {
    String a = render("{{uuid}}");
    String b = Template.parse("{{uuid}}").render(new RenderContext(NOW, new SplittableRandom(8)));
    UUID parsed = UUID.fromString(a);
    assertThat(a).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(parsed.version()).isEqualTo(4);
    assertThat(parsed.variant()).isEqualTo(2);
    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void random_digits_are_as_many_digits_as_asked() {
    assertThat(render("{{random:1}}")).matches("[0-9]");
    assertThat(render("{{random:12}}")).matches("[0-9]{12}");
    assertThat(render("{{random:64}}")).matches("[0-9]{64}");
  }

  @Test
  void one_rendering_reads_one_instant_for_every_placeholder() {
    Template t = Template.parse("{{now:unix}}-{{now-1h:unix}}");
    assertThat(t.render(new RenderContext(NOW, new SplittableRandom(1))))
        .isEqualTo("1796674542-1796670942");
  }

  @Test
  void values_are_encoded_as_the_caller_asks_and_literals_are_not() {
    Template t = Template.parse("/x?at={{now:rfc1123}}&a b");
    assertThat(t.render(new RenderContext(NOW, new SplittableRandom(1)), v -> v.replace(' ', '+')))
        .isEqualTo("/x?at=Mon,+07+Dec+2026+20:15:42+GMT&a b");
  }

  @Test
  void declared_names_are_filled_from_the_context() {
    Template t = Template.parse("/orders/{{order_id}}", Set.of("order_id"));
    assertThat(t.render(new RenderContext(NOW, new SplittableRandom(1), Map.of("order_id", "42"))))
        .isEqualTo("/orders/42");
  }

  @Test
  void a_text_without_placeholders_is_constant() {
    Template plain = Template.parse("https://a.test/x?y=1");
    Template escaped = Template.parse("\\{{uuid}}");
    Template generated = Template.parse("/x/{{uuid}}");
    assertThat(plain.isConstant()).isTrue();
    assertThat(plain.firstPlaceholder()).isEqualTo(-1);
    assertThat(escaped.isConstant()).isTrue();
    assertThat(generated.isConstant()).isFalse();
    assertThat(generated.firstPlaceholder()).isEqualTo(3);
    assertThat(generated.literals()).containsExactly("/x/");
    assertThat(generated.text()).isEqualTo("/x/{{uuid}}");
  }

  @ParameterizedTest(name = "{0} fails at {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {{uuid                        | 0  | {{ is not closed by }}
          ab{{}}                        | 2  | unknown placeholder {{}}
          x={{order_id}}                | 2  | unknown placeholder {{order_id}}: expected {{uuid
          {{now}}{{nope}}               | 7  | unknown placeholder {{nope}}
          {{random:0}}                  | 0  | the number of digits must be 1 to 64, got "0"
          {{random:65}}                 | 0  | the number of digits must be 1 to 64
          {{random:x}}                  | 0  | the number of digits must be 1 to 64
          /{{now-7x}}                   | 1  | unknown unit "x"; expected one of s m h d w M y
          {{now-d}}                     | 0  | "-" must be followed by a number
          {{now-7}}                     | 0  | "-7" needs a unit
          {{now/q}}                     | 0  | unknown unit "q"
          {{now/d-1d}}                  | 0  | nothing may follow the rounding "/d"
          {{now7d}}                     | 0  | expected +N or -N with a unit
          {{now:}}                      | 0  | a format must follow ":"
          {{now:yyyy-MM-dd-qqqqqq}}     | 0  | {{now:yyyy-MM-dd-qqqqqq}}:
          {{now:iso@Mars/Olympus}}      | 0  | unknown time zone "Mars/Olympus"
          {{now@}}                      | 0  | unknown time zone ""
          """)
  void a_bad_placeholder_is_an_error_at_its_offset(String text, int offset, String message) {
    assertThatThrownBy(() -> Template.parse(text))
        .isInstanceOfSatisfying(
            TemplateException.class, e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessageContaining(message);
  }

  @Test
  void an_unknown_name_lists_the_declared_ones() {
    assertThatThrownBy(() -> Template.parse("{{orderid}}", Set.of("order_id", "token")))
        .hasMessageContaining("or one of order_id, token");
  }
}
