/**
 * The exec world (seed 000): an agent's bytes run as x86-64 machine code, or as a
 * {@code /bin/sh} script, inside the project's native sandbox ({@code vivarium-exec}, C source
 * in {@code src/main/c}), which counts every system call exactly; rewards read the outcome.
 * {@code ExecWorld} is one stream of programs; {@code ExecBatch} is the world as a colony lives
 * in it (groups of instances share one mind, programs run in parallel on shared sandbox workers).
 * {@code ExecTeacher} holds the programs {@code world.exec.teacher} offers a colony to clone (e.g.
 * the soup's replicators), which make the batch a {@code TextExpert}.
 *
 * <p>Depends on {@code core} and the JDK only. The sandbox's layers, limits and wire format are
 * in {@code docs/sandbox.md}.
 */
package io.vivarium.worlds.exec;
