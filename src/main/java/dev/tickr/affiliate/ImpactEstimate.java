package dev.tickr.affiliate;

/**
 * What one outage window put at risk, with how each number was reached.
 *
 * @param conversions the expected conversions in the counted time (the median of the comparable
 *     weeks, or the configured rate × the counted hours)
 * @param conversionsLow the fewest of the comparable weeks (the rate's own figure when fixed)
 * @param conversionsHigh the most of the comparable weeks
 * @param payout the average payout per conversion
 * @param comparable which period the conversions come from, in words
 * @param conversionsMethod how the conversions were reached, in words
 * @param payoutMethod how the average payout was reached, in words
 */
public record ImpactEstimate(
    double conversions,
    double conversionsLow,
    double conversionsHigh,
    double payout,
    String comparable,
    String conversionsMethod,
    String payoutMethod) {

  /** The commission at risk: expected conversions × average payout. */
  public double amount() {
    return conversions * payout;
  }

  public double amountLow() {
    return conversionsLow * payout;
  }

  public double amountHigh() {
    return conversionsHigh * payout;
  }
}
