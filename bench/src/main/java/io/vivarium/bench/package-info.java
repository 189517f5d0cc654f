/**
 * Benchmarks: JMH benchmarks and the side-by-side harnesses behind {@code vivarium bench}, and
 * what they share: the machine's measured fp32 peak ({@link io.vivarium.bench.Peak}) and the
 * process's resident memory, CPU time and load ({@link io.vivarium.bench.Proc}).
 * Never on the test path; may depend on anything.
 */
package io.vivarium.bench;
