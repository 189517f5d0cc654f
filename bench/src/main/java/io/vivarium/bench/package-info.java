/**
 * Benchmarks: JMH benchmarks and the side-by-side harnesses behind {@code vivarium bench}.
 * Never on the test path; may depend on anything.
 */
package io.vivarium.bench;
