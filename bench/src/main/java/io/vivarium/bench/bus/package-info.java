/**
 * The bus benchmark ({@link io.vivarium.bench.bus.BusBench}): publish/subscribe load through
 * the embedded broker or any external one, QoS 0 and 1, with exact loss counts.
 *
 * <p>Depends on {@code bus} (its broker and the HiveMQ MQTT client) and {@code core}.
 */
package io.vivarium.bench.bus;
