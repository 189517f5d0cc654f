/**
 * The checkpoint store: agents' checkpoint files under {@code checkpoints/}, each with a magic
 * number, a format version, a header and a SHA-256 of each of its two sections (the brain, and
 * the learner's state); written atomically and verified on every read. Nothing is deleted
 * implicitly.
 *
 * <p>Depends on the JDK only; sections are opaque bytes (the brain and the colony runtime write
 * them).
 */
package io.vivarium.colony.store;
