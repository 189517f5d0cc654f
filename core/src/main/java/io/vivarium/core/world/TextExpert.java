package io.vivarium.core.world;

/**
 * A {@link WorldBatch} of a byte-sequence world that knows a good answer for each instance's
 * current state: the text a good agent would write (chat: the fact's value; repair: the clean
 * passage). Sequence learners clone it the way {@link Expert} is cloned in one-byte worlds, and
 * test for it with {@code batch instanceof TextExpert}. Read on the thread that steps the batch.
 */
public interface TextExpert {
  /** The answer a good agent writes for instance {@code i} in its current state. */
  byte[] expertText(int i);
}
