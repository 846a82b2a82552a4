package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.Tickr;
import dev.tickr.check.Deadline;
import dev.tickr.check.Failure;
import dev.tickr.check.Observation;
import dev.tickr.check.Reason;
import dev.tickr.config.Config;
import dev.tickr.config.MonitorSpec;
import dev.tickr.schedule.Waiter;
import dev.tickr.simulator.Conversion;
import dev.tickr.simulator.Fault;
import dev.tickr.simulator.Ledger;
import dev.tickr.simulator.PlatformFake;
import dev.tickr.simulator.SimulatedNetwork;
import dev.tickr.simulator.demo.Tracker;
import dev.tickr.simulator.platform.AwinFake;
import dev.tickr.simulator.platform.EverflowFake;
import dev.tickr.simulator.platform.ImpactFake;
import dev.tickr.simulator.platform.TapfiliateFake;
import dev.tickr.simulator.platform.TuneFake;
import dev.tickr.testing.MutableClock;
import dev.tickr.time.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ready synthetic-conversion flows of {@code examples/affiliate/synthetic/}, as written, run
 * against the simulated platform each is for, on loopback: each passes when the platform reports
 * the conversion after its usual delay, and fails naming the step and why when the conversion is
 * accepted but never reported, recorded with the wrong amount, or reported later than the poll
 * waits. Time is the simulator's clock, moved on by each pause of a poll: hours of polling take
 * milliseconds, and nothing sleeps.
 */
class SyntheticConversionTest {
  private static final Path DIR = Path.of("examples/affiliate/synthetic");
  private static final String TOKEN = "sim-token-0123456789abcdef";

  /**
   * One template and the platform it runs against.
   *
   * @param hosts each real address prefix of the template, and the simulated path it goes to
   *     ({@code ""} for the platform's own base, {@code "/1.7"} below it)
   * @param delay how long the platform usually takes to report a conversion
   * @param cleanUp the step that reverses or deletes the test conversion, or {@code null}
   */
  record Template(
      String file,
      Function<Ledger, PlatformFake> fake,
      Map<String, String> hosts,
      Map<String, String> environment,
      Duration delay,
      @Nullable String cleanUp) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Template> templates() {
    return Stream.of(
        new Template(
            "impact.yml",
            l -> new ImpactFake(l, TOKEN),
            Map.of("https://api.impact.com", ""),
            Map.of(
                "IMPACT_SID", ImpactFake.SID,
                "IMPACT_TOKEN", TOKEN,
                "IMPACT_CAMPAIGN", "1000",
                "IMPACT_TRACKER", "2240",
                "IMPACT_TEST_PARTNER", "99"),
            Duration.ofHours(2),
            "reverse"),
        new Template(
            "tune.yml",
            l -> new TuneFake(l, TOKEN),
            Map.of(
                "https://${TUNE_NETWORK}.go2cloud.org", "",
                "https://${TUNE_NETWORK}.api.hasoffers.com", ""),
            Map.of(
                "TUNE_NETWORK",
                TuneFake.NETWORK,
                "TUNE_TOKEN",
                TOKEN,
                "TUNE_OFFER",
                "1",
                "TUNE_TEST_AFFILIATE",
                "99"),
            Duration.ofMinutes(10),
            "reject"),
        new Template(
            "everflow.yml",
            l -> new EverflowFake(l, TOKEN, "network-key-0123456789"),
            Map.of("https://${EVERFLOW_TRACKING_DOMAIN}", "", "https://api.eflow.team", ""),
            Map.of(
                "EVERFLOW_TRACKING_DOMAIN", "trk.example.test",
                "EVERFLOW_OFFER", "1",
                "EVERFLOW_TEST_PARTNER", "99",
                "EVERFLOW_NETWORK", "1",
                "EVERFLOW_API_KEY", TOKEN),
            Duration.ofMinutes(5),
            null),
        new Template(
            "tapfiliate.yml",
            l -> new TapfiliateFake(l, TOKEN),
            Map.of("https://api.tapfiliate.com/1.6", "", "https://api.tapfiliate.com/1.7", "/1.7"),
            Map.of("TAPFILIATE_TEST_REFERRAL", "tickrtest", "TAPFILIATE_API_KEY", TOKEN),
            Duration.ofMinutes(3),
            "delete"),
        new Template(
            "awin.yml",
            l -> new AwinFake(l, TOKEN, "s2s-key-0123456789"),
            Map.of("https://api.awin.com", ""),
            Map.of(
                "AWIN_ADVERTISER",
                AwinFake.ADVERTISER,
                "AWIN_CONVERSION_KEY",
                "s2s-key-0123456789",
                "AWIN_TEST_PUBLISHER",
                AwinFake.PUBLISHER,
                "AWIN_TEST_PUBLISHER_TOKEN",
                TOKEN),
            Duration.ofMinutes(3),
            null),
        new Template(
            "in-house-tracker.yml",
            l -> new Tracker(l, TOKEN),
            Map.of("https://track.example.com", ""),
            Map.of("TRACKER_TOKEN", TOKEN),
            Duration.ofMinutes(2),
            "reverse"));
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T20:15:00Z"));
  private final Ticker ticker = () -> clock.millis() * 1_000_000L;
  private final List<SimulatedNetwork> networks = new ArrayList<>();

  @AfterEach
  void close() {
    networks.forEach(SimulatedNetwork::close);
  }

  /** A waiter that lets the time pass at once: the clock moves on by what it waits. */
  private Waiter passingTime() {
    return new Waiter() {
      @Override
      public void await(Duration atMost) {
        clock.advance(atMost);
      }

      @Override
      public void wake() {}
    };
  }

  /** The template's flow against its simulated platform. */
  private final class Run {
    final Ledger ledger = new Ledger(clock);
    final PlatformFake platform;
    final MonitorSpec spec;
    final Tickr tickr;

    Run(Template t) throws Exception {
      platform = t.fake().apply(ledger);
      ledger.attributionDelay(t.delay());
      SimulatedNetwork network = new SimulatedNetwork(List.of(platform)).start();
      networks.add(network);
      String yaml = Files.readString(DIR.resolve(t.file()));
      for (Map.Entry<String, String> host : t.hosts().entrySet()) {
        assertThat(yaml).as("%s calls %s", t.file(), host.getKey()).contains(host.getKey());
        yaml = yaml.replace(host.getKey(), network.baseUrl(platform.name()) + host.getValue());
      }
      tickr = new Tickr(t.environment(), clock, ticker, SyntheticConversionTest.this::passingTime);
      Config config = tickr.configLoader().parse(t.file(), yaml);
      spec = config.monitors().get(0);
    }

    Observation observe() {
      return tickr.types().observe(spec, Deadline.after(spec.timeout(), ticker));
    }
  }

  private static Failure failure(Observation observation) {
    assertThat(observation.failure()).as("the flow fails").isNotNull();
    return java.util.Objects.requireNonNull(observation.failure());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void passes_when_the_conversion_is_reported_at_its_amount(Template t) throws Exception {
    Run run = new Run(t);
    Instant start = clock.instant();

    Observation observation = run.observe();

    assertThat(observation.failure()).as("%s", observation.failure()).isNull();
    assertThat(Duration.between(start, clock.instant()))
        .as("the report step polled until the conversion showed")
        .isGreaterThanOrEqualTo(t.delay());
    assertThat(observation.measures())
        .as("the attribution latency the flow measured, from the conversion to its report")
        .hasEntrySatisfying(
            "attribution-latency",
            s ->
                assertThat(s)
                    .isBetween(
                        (double) t.delay().toSeconds(),
                        (double) Duration.between(start, clock.instant()).toSeconds()));
    List<Conversion> made = run.ledger.recent(Duration.ofDays(1));
    assertThat(made).singleElement().satisfies(c -> assertThat(c.orderId()).startsWith("tickr-"));
    assertThat(run.ledger.reversed(made.get(0)))
        .as("the test conversion is reversed where the platform allows it")
        .isEqualTo(t.cleanUp() != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void fails_at_the_report_step_when_the_postback_is_taken_but_never_reported(Template t)
      throws Exception {
    Run run = new Run(t);
    run.platform.fault(Fault.UNREPORTED);

    Observation observation = run.observe();
    Failure failure = failure(observation);

    assertThat(failure.message()).startsWith("step \"report\" timed out after ");
    assertThat(failure.message() + observation.body().text())
        .as("the credentials are not in the incident's message or evidence")
        .doesNotContain(TOKEN);
    assertThat(failure.reason())
        .as("what the report said last: not found, or an empty list")
        .isIn(Reason.HTTP_STATUS, Reason.BODY_ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void fails_at_the_amount_step_naming_the_amount_when_it_is_wrong(Template t) throws Exception {
    Run run = new Run(t);
    run.platform.fault(Fault.WRONG_AMOUNT);

    Failure failure = failure(run.observe());

    assertThat(failure.message())
        .startsWith("step \"amount\": ")
        .containsPattern("condition failed: \\S*(Amount|amount) == 12.50 \\(actual 0.13\\)");
    assertThat(failure.reason()).as("a value of the report's body").isEqualTo(Reason.BODY_ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void fails_at_the_report_step_when_the_report_comes_later_than_the_poll_waits(Template t)
      throws Exception {
    Run run = new Run(t);
    run.platform.fault(Fault.LATE_REPORT);

    Failure failure = failure(run.observe());

    assertThat(failure.message()).startsWith("step \"report\" timed out after ");
    clock.advance(PlatformFake.LATE_BY);
    assertThat(run.ledger.recent(Duration.ofDays(2)))
        .as("the conversion did arrive, a day late")
        .hasSize(1);
  }

  @Test
  void there_is_a_template_for_each_platform_and_each_is_tested() throws Exception {
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(templates().map(Template::file).toList());
    }
  }
}
