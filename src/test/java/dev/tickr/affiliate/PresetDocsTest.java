package dev.tickr.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickr.config.Preset;
import dev.tickr.config.PresetReader;
import org.junit.jupiter.api.Test;

/** What a preset's text and docs show of values that could be credentials. */
class PresetDocsTest {
  /** A definition that (wrongly) writes credentials as they are. */
  private static final Preset CARELESS =
      PresetReader.read(
          "careless",
          """
          title: Careless
          summary: a definition with credentials written in
          keys:
            token: {description: the token, secret: true, default: d3fault-s3cret}
            account: {description: the account, required: true}
          monitor:
            url: "https://api.example.test/((account))"
            headers:
              Authorization: Bearer l1teral-s3cret
              X-Api-Key: "((token))"
            auth:
              basic: {username: "((account))", password: hunter2-s3cret}
            quota: {key: "careless-((account))", limit: 60, per: 1m}
          endpoints:
            status: {description: the status}
          """);

  @Test
  void a_credential_written_in_a_definition_is_never_shown() {
    for (String shown : new String[] {PresetDocs.text(CARELESS), PresetDocs.markdown(CARELESS)}) {
      assertThat(shown)
          .doesNotContain("d3fault-s3cret")
          .doesNotContain("l1teral-s3cret")
          .doesNotContain("hunter2-s3cret")
          .contains("Authorization: (secret)")
          .contains("X-Api-Key: ((token))")
          .contains("{basic: {username: ((account)), password: (secret)}}")
          .contains("{key: careless-((account)), limit: 60, per: 1m}");
    }
  }

  @Test
  void the_example_writes_a_secret_key_as_a_variable() {
    assertThat(PresetDocs.example(CARELESS))
        .isEqualTo(
            """
            monitors:
              - name: careless-status
                preset: careless
                account: ${CARELESS_ACCOUNT}
            """);
  }
}
