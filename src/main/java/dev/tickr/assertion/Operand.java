package dev.tickr.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A side of a condition that resolves to a {@link Value}: placeholder, function or literal. */
sealed interface Operand extends Right {

  Value resolve(EvaluationContext ctx);

  /** What the operand holds, as far as is known before an observation. */
  Kind kind();

  void addSubjects(Set<Subject> subjects);

  /**
   * An operand defined in a file of its own: aggregates and metric reads ({@link MetricSyntax}).
   */
  non-sealed interface Extended extends Operand {}

  /** A placeholder, e.g. {@code [STATUS]}, {@code [BODY].data[0].id}, {@code [HEADER].ETag}. */
  record Ref(Placeholder placeholder, String header, JsonPath path, int at) implements Operand {
    @Override
    public Value resolve(EvaluationContext ctx) {
      return switch (placeholder) {
        case STATUS -> ctx.status();
        case RESPONSE_TIME -> ctx.responseTime();
        case BODY -> path.isEmpty() ? ctx.body() : inBody(ctx);
        case HEADER -> ctx.header(header);
        case CERTIFICATE_EXPIRATION -> ctx.certificateExpiration();
        case CONNECTED -> ctx.connected();
        case IP -> ctx.ip();
        case URL -> ctx.url(header);
        case REDIRECTS -> ctx.redirects();
        case HOP -> ctx.hop(header);
        case SOFT_404 -> ctx.soft404();
      };
    }

    /** Whether this is {@code [BODY]} without a path. */
    boolean wholeBody() {
      return placeholder == Placeholder.BODY && path.isEmpty();
    }

    private Value inBody(EvaluationContext ctx) {
      Value root = ctx.json();
      return root instanceof Value.Json json ? path.resolve(json.node(), "[BODY]") : root;
    }

    @Override
    public Kind kind() {
      return placeholder.kind();
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      subjects.add(placeholder.subject());
    }
  }

  /**
   * {@code len(X)}: elements of an array, fields of an object, code points of text. A whole body is
   * text, as in Gatus: its characters, or its elements when it is a JSON array.
   */
  record Len(Ref arg, int at) implements Operand {
    @Override
    public Value resolve(EvaluationContext ctx) {
      if (arg.wholeBody()) {
        JsonNode container = ctx.jsonContainer();
        if (container != null && container.isArray()) {
          return Value.Num.of(container.size());
        }
      }
      Value v = arg.resolve(ctx);
      if (!v.resolved()) {
        return v;
      }
      if (v instanceof Value.Json json && json.node().isContainerNode()) {
        return Value.Num.of(json.node().size());
      }
      String text = v.matchText();
      return Value.Num.of(text.codePointCount(0, text.length()));
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      arg.addSubjects(subjects);
    }
  }

  /**
   * {@code has(X)}: whether X resolves; the one way an unresolved value can pass. For a whole body,
   * as in Gatus, whether there is one that is not empty.
   */
  record Has(Ref arg, int at) implements Operand {
    @Override
    public Value resolve(EvaluationContext ctx) {
      Value v = arg.resolve(ctx);
      return new Value.Bool(v.resolved() && !(arg.wholeBody() && v.matchText().isEmpty()));
    }

    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      arg.addSubjects(subjects);
    }
  }

  /** {@code age(X)}: how long ago the timestamp in X was; negative when it is in the future. */
  record Age(Ref arg, int at) implements Operand {
    @Override
    public Value resolve(EvaluationContext ctx) {
      Value v = arg.resolve(ctx);
      if (!v.resolved()) {
        return v;
      }
      Instant then = timestamp(v);
      if (then == null) {
        String shown = v instanceof Value.Secret ? v.display() : v.matchText();
        return new Value.Missing("not a timestamp: " + Literals.quoted(shown));
      }
      return new Value.Dur(Duration.between(then, ctx.now()), null);
    }

    private static @Nullable Instant timestamp(Value v) {
      if (v instanceof Value.Json json) {
        JsonNode node = json.node();
        if (node.isNumber()) {
          return Timestamps.epoch(node.decimalValue());
        }
        return node.isTextual() ? Timestamps.parse(node.textValue()) : null;
      }
      return Timestamps.parse(v.matchText());
    }

    @Override
    public Kind kind() {
      return Kind.DURATION;
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {
      arg.addSubjects(subjects);
      subjects.add(Subject.FRESHNESS);
    }
  }

  /** A number, duration, {@code true}/{@code false} or text written in the condition. */
  record Literal(Value value, int at) implements Operand {
    @Override
    public Value resolve(EvaluationContext ctx) {
      return value;
    }

    @Override
    public Kind kind() {
      return switch (value) {
        case Value.Num n -> Kind.NUMBER;
        case Value.Dur d -> Kind.DURATION;
        case Value.Bool b -> Kind.BOOLEAN;
        default -> Kind.TEXT;
      };
    }

    @Override
    public void addSubjects(Set<Subject> subjects) {}
  }
}
