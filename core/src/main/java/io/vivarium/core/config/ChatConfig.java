package io.vivarium.core.config;

/**
 * What a chat colony's agents are asked and what they see before answering (seeds 003 and 004):
 * the facts file, the held-out share, and the fact memory's hits put first in the context. The
 * layout is in docs/worlds.md.
 */
public record ChatConfig(
    @Doc("Whether an agent sees the fact memory's best hits for the question before answering (seed 004's"
        + " fact memory); the world puts its facts, held-out ones included, into the memory.") boolean factMemory,
    @Doc("Fact hits shown first in the context, one fixed-width line each (=value;key).")
        @Range(min = 0, max = 8) int factHits,
    @Doc("A facts file (lines subject | relation | value) the facts source asks about instead of the built-in"
        + " invented facts; empty for the built-in ones.") String facts,
    @Doc("Share of the facts held out: never asked in training (preset chat-facts), asked by chat-held-out;"
        + " the split is seeded by the fact's key, so it never changes.") @Range(min = 0, max = 0.9) double heldOut) {

  public static ChatConfig defaults() {
    return new ChatConfig(true, 2, "", 0.1);
  }
}
