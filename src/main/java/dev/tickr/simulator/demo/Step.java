package dev.tickr.simulator.demo;

import dev.tickr.simulator.Fault;

/**
 * One incident of the demo's script: a platform shows a fault, and a monitor should alert with a
 * reason.
 *
 * @param platform the simulated platform ({@code impact}, {@code tracker}...)
 * @param fault what it does wrong
 * @param monitor the monitor of the demo's config that should alert
 * @param reason the reason its alert should give ({@code auth-rejected}...)
 * @param story what happens, for the terminal
 */
public record Step(String platform, Fault fault, String monitor, String reason, String story) {}
