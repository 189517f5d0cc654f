/**
 * Benchmarks of the exec world's sandbox: throughput on random programs and a long soak that
 * checks the executors for leaks. Depends on {@code worlds}.
 */
package io.vivarium.bench.exec;
