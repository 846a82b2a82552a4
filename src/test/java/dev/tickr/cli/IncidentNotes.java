package dev.tickr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tickr.testing.Browser;
import java.net.http.HttpResponse;

/** Notes on incidents, written through the API as an operator would. */
final class IncidentNotes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IncidentNotes() {}

  /** Adds a note, public or private, and checks it was taken ({@code 201}). */
  static void add(Browser b, String[] auth, long incident, String text, boolean visible)
      throws Exception {
    HttpResponse<String> made =
        b.post(
            "/api/v1/incidents/" + incident + "/notes",
            JSON.createObjectNode().put("text", text).put("public", visible).toString(),
            auth);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
  }
}
