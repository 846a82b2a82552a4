package dev.tickr.assertion;

/**
 * Rejects conditions that parse but can never hold, such as {@code [CONNECTED] < 5}, {@code
 * [STATUS] == OK} or {@code [STATUS] < pat(2*)}, pointing at the part that does not fit.
 */
final class KindCheck {
  private final String text;

  KindCheck(String text) {
    this.text = text;
  }

  void check(Operand left, String leftText, Operator op, Right right)
      throws ConditionSyntaxException {
    if (op.ordering()) {
      if (!left.kind().numeric()) {
        throw error(
            left.at(),
            op.symbol()
                + " compares numbers, but "
                + leftText
                + " is "
                + left.kind().phrase()
                + "; use == or !=");
      }
      switch (right) {
        case Right.Pattern p ->
            throw error(p.at(), "pat() only works with == and !=, not " + op.symbol());
        case Right.AnyOf a ->
            throw error(a.at(), "any() only works with == and !=, not " + op.symbol());
        case Operand.Literal lit -> {
          if (lit.value().number() == null) {
            throw error(
                lit.at(),
                op.symbol()
                    + " needs a number or a duration on the right, got "
                    + Literals.quoted(lit.value().matchText()));
          }
        }
        case Operand o -> {
          if (!o.kind().numeric()) {
            throw error(
                o.at(),
                op.symbol()
                    + " needs a number or a duration on the right, not "
                    + o.kind().phrase());
          }
        }
      }
      return;
    }
    switch (right) {
      case Operand.Literal lit -> checkKind(left, leftText, lit.value(), lit.at());
      case Right.AnyOf any -> {
        for (Value v : any.values()) {
          checkKind(left, leftText, v, any.at());
        }
      }
      default -> {}
    }
  }

  private void checkKind(Operand left, String leftText, Value literal, int at)
      throws ConditionSyntaxException {
    boolean fits =
        switch (left.kind()) {
          case NUMBER, DURATION -> literal.number() != null;
          case BOOLEAN -> literal.matchText().equals("true") || literal.matchText().equals("false");
          case TEXT, ANY -> true;
        };
    if (!fits) {
      throw error(
          at,
          leftText
              + " is "
              + left.kind().phrase()
              + ", got "
              + Literals.quoted(literal.matchText()));
    }
  }

  private ConditionSyntaxException error(int index, String message) {
    return new ConditionSyntaxException(message, text, index + 1);
  }
}
