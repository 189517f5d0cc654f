/**
 * World speed harnesses: {@link io.vivarium.bench.world.WorldBench} prints symbolic steps and
 * RGB frames per second as {@code key: value} lines.
 *
 * <p>May depend on any Vivarium module; nothing depends on it.
 */
package io.vivarium.bench.world;
