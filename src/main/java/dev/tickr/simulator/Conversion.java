package dev.tickr.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One conversion the simulated network recorded.
 *
 * @param id the network's id of it (a transaction or action id)
 * @param orderId the advertiser's order id
 * @param clickId the click it is attributed to
 * @param amount the sale amount
 * @param payout what the partner earns
 */
public record Conversion(
    String id, String orderId, String clickId, BigDecimal amount, BigDecimal payout, Instant at) {}
