package dev.tickr.check;

/**
 * Why a target could not be observed completely: the stable reason class and one phrase for a
 * person, e.g. {@code connect} / {@code connection refused}.
 */
public record Failure(Reason reason, String message) {}
