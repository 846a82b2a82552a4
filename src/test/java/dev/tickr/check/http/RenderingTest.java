package dev.tickr.check.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.HttpTarget;
import dev.tickr.check.RequestTemplate;
import dev.tickr.check.template.Template;
import dev.tickr.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholders are filled in from the check's clock; a target without any is sent as it is. */
class RenderingTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T20:15:42Z"));
  private final Rendering rendering = new Rendering(clock);

  @Test
  void a_target_without_placeholders_is_sent_as_it_is() {
    HttpTarget plain = HttpTarget.get(URI.create("https://a.test/health"));

    assertThat(rendering.of(plain)).isSameAs(plain);
  }

  @Test
  void each_rendering_reads_the_clock_once_more() {
    Template url = Template.parse("https://a.test/r?d={{now:yyyy-MM-dd}}");
    HttpTarget written =
        HttpTarget.get(RequestTemplate.sampleUrl(url))
            .withTemplate(new RequestTemplate(url, List.of(), null));

    URI today = rendering.of(written).url();
    clock.advance(Duration.ofDays(1));
    URI tomorrow = rendering.of(written).url();

    assertThat(today).hasToString("https://a.test/r?d=2026-12-07");
    assertThat(tomorrow).hasToString("https://a.test/r?d=2026-12-08");
  }
}
