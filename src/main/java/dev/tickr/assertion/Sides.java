package dev.tickr.assertion;

/**
 * The two sides of a condition in the order they are judged. As in Gatus, either side may hold the
 * placeholder: {@code 200 == [STATUS]}, {@code 300 > [STATUS]}, {@code pat(2*) == [STATUS]} and
 * {@code any(200, 429) == [STATUS]} are judged as {@code [STATUS] == 200}, {@code [STATUS] < 300}
 * and so on, so that the placeholder's value is what {@code actual} shows. Two literals are
 * compared with each other, as Gatus compares text it does not recognise as a placeholder.
 *
 * @param leftText the left side as written, for messages
 */
record Sides(Operand left, String leftText, Operator operator, Right right) {

  /**
   * @param text the whole condition, for errors
   */
  static Sides arrange(
      String text, Right left, String leftText, Operator op, Right right, String rightText)
      throws ConditionSyntaxException {
    if (!(left instanceof Operand l)) {
      if (!(right instanceof Operand r)) {
        throw new ConditionSyntaxException(
            "pat() and any() go on one side only; the other side is the value they match, e.g."
                + " [BODY].name == pat(john*)",
            text,
            right.at() + 1);
      }
      // An ordering stays as written, so that its error names the operator the user wrote.
      return new Sides(r, rightText, op, left);
    }
    if (l instanceof Operand.Literal
        && right instanceof Operand r
        && !(r instanceof Operand.Literal)) {
      return new Sides(r, rightText, flipped(op), l);
    }
    return new Sides(l, leftText, op, right);
  }

  /** The operator that says the same with the sides swapped: {@code <} for {@code >}. */
  static Operator flipped(Operator op) {
    return switch (op) {
      case LT -> Operator.GT;
      case GT -> Operator.LT;
      case LE -> Operator.GE;
      case GE -> Operator.LE;
      case EQ, NE -> op;
    };
  }
}
