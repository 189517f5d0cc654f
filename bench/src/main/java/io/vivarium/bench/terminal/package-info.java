/**
 * Benchmark of the terminal world: keystroke-steps per second of a batch of sandboxed terminals
 * typing the scripted expert's keys, screens parsed and pictured every step. Depends on
 * {@code worlds}.
 */
package io.vivarium.bench.terminal;
