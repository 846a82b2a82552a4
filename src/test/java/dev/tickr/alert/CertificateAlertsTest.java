package dev.tickr.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.check.Reason;
import dev.tickr.check.TlsInfo;
import dev.tickr.testing.TestCa;
import dev.tickr.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates about to expire are told ahead of any failure, once per certificate. */
class CertificateAlertsTest {
  private static final String CONFIG =
      """
      monitors:
        - name: tracking
          url: https://track.example.com/
          alerts: [ops, quiet]
      channels:
        - name: ops
          type: webhook
          url: https://hooks.example.com/ops
          events: [down, up, certificate]
          certificate-expiry: 14d
        - {name: quiet, type: webhook, url: https://hooks.example.com/quiet}
      """;

  @TempDir Path dir;
  private AlertRig rig;
  private final TestCa ca = TestCertificates.at(AlertRig.T0).ca();

  @BeforeEach
  void open() {
    rig = new AlertRig(dir, CONFIG);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private TlsInfo expiringIn(Duration left) {
    Instant notAfter = AlertRig.T0.plus(left);
    return new TlsInfo(
        ca.leaf(notAfter.minus(Duration.ofDays(90)), notAfter, "track.example.com").chain(),
        "TLSv1.3",
        null);
  }

  @Test
  void warns_once_per_certificate_within_the_channels_threshold() {
    FakeNotifier ops = rig.notifier("ops", FakeNotifier.perIncident());
    FakeNotifier quiet = rig.notifier("quiet", FakeNotifier.perIncident());
    TlsInfo later = expiringIn(Duration.ofDays(30));
    TlsInfo soon = expiringIn(Duration.ofDays(13));

    rig.engine.certificate("tracking", later, rig.clock.instant());
    rig.tick();
    assertThat(ops.received()).as("30 days left").isEmpty();

    rig.engine.certificate("tracking", soon, rig.clock.instant());
    rig.tick(Duration.ofHours(1));
    rig.engine.certificate("tracking", soon, rig.clock.instant());
    rig.restart();
    rig.notifier("ops", ops);
    rig.engine.certificate("tracking", soon, rig.clock.instant());
    rig.tick();

    assertThat(ops.events()).containsExactly(AlertEvent.CERTIFICATE);
    Alert alert = ops.alerts().get(0);
    assertThat(alert.certificateExpiresAt()).isEqualTo(AlertRig.T0.plus(Duration.ofDays(13)));
    assertThat(alert.reason()).isEqualTo(Reason.TLS);
    assertThat(alert.incidentId()).isZero();
    assertThat(alert.detail())
        .startsWith("certificate CN=track.example.com")
        .endsWith("(13d left)");
    assertThat(quiet.received()).as("does not hear certificate").isEmpty();

    rig.engine.certificate("tracking", expiringIn(Duration.ofDays(12)), rig.clock.instant());
    rig.tick();
    assertThat(ops.events()).as("a renewed certificate is a new one").hasSize(2);
  }
}
