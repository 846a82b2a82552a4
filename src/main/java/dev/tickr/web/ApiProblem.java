package dev.tickr.web;

import dev.tickr.config.Problem;
import java.util.List;

/**
 * An API request that cannot be done, answered as RFC 9457 problem details ({@code
 * application/problem+json}); nothing was changed. {@link #errors()} names each wrong field by JSON
 * Pointer, with what is wrong with it.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One wrong field: {@code pointer} is a JSON Pointer into the request body ("" for all of it).
   */
  public record FieldError(String pointer, String message) {}

  private final int status;
  private final String title;
  private final transient List<FieldError> errors;

  public ApiProblem(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** 400 for a body whose fields the config's readers rejected, naming each field. */
  public static ApiProblem invalid(String what, List<Problem> problems) {
    List<FieldError> errors =
        problems.stream().map(p -> new FieldError(p.file(), p.message())).toList();
    String detail =
        errors.isEmpty()
            ? what + " is not valid"
            : errors.stream()
                .map(e -> (e.pointer().isEmpty() ? "" : e.pointer() + ": ") + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    return new ApiProblem(400, "Invalid " + what, detail, errors);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not found", detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "Conflict", detail);
  }

  /**
   * 409 for something the config file defines (at {@code line}, 0 when unknown): {@code what} is
   * how the answer names it, such as {@code monitor "checkout"}.
   */
  public static ApiProblem fromConfigFile(String what, int line) {
    return conflict(
        what
            + " is defined in the config file"
            + (line > 0 ? " (line " + line + ")" : "")
            + " and is read-only through the API; change it in the file");
  }

  public static ApiProblem badRequest(String detail, String pointer) {
    return new ApiProblem(400, "Bad request", detail, List.of(new FieldError(pointer, detail)));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
