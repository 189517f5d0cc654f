/**
 * The checkpoint store: agents' checkpoint files under {@code checkpoints/}, each with a magic
 * number, a format version, a header and a SHA-256 of its payload; written atomically and
 * verified on every read. Nothing is deleted implicitly.
 *
 * <p>Depends on the JDK only; payloads are opaque bytes (the brain writes them).
 */
package io.vivarium.colony.store;
