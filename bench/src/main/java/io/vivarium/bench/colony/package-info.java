/**
 * The colony's benchmark ({@code vivarium bench colony}): the default colony run for a few
 * minutes in a temporary data directory, measured in environment steps per second and per
 * CPU-second, the time its turns spend acting and learning, and the GFLOP/s each achieves
 * against the machine's measured fp32 peak.
 *
 * <p>Depends on {@code io.vivarium.colony} (the colony and its registry), the brain's shape and
 * observation encoder (for the FLOP estimate) and {@code io.vivarium.bench}'s probes.
 */
package io.vivarium.bench.colony;
