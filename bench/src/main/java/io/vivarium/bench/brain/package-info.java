/**
 * Benchmarks of the brain: language-model training side by side with nanoGPT, sampling with
 * and without the key/value cache, and PPO training throughput on the gold world.
 *
 * <p>May depend on anything; never on the test path.
 */
package io.vivarium.bench.brain;
