/**
 * Benchmarks of the brain: language-model training side by side with nanoGPT.
 *
 * <p>May depend on anything; never on the test path.
 */
package io.vivarium.bench.brain;
