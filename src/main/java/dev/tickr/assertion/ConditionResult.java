package dev.tickr.assertion;

/**
 * The outcome of one condition against one observation.
 *
 * @param condition the condition as written
 * @param actual the resolved left side as a person reads it ({@code 200}, {@code 123ms}, {@code
 *     john}), or why it could not be resolved ({@code no field "x" at [BODY].data.x})
 */
public record ConditionResult(String condition, boolean success, String actual) {}
