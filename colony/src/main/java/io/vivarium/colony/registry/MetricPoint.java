package io.vivarium.colony.registry;

/**
 * One point of an agent's metric series. Immutable.
 *
 * @param step the agent's step it was recorded at
 * @param value its value
 * @param timeMillis when it was recorded
 */
public record MetricPoint(long step, double value, long timeMillis) {}
