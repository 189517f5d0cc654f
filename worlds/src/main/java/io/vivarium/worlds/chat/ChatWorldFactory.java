package io.vivarium.worlds.chat;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import java.util.List;
import java.util.Map;

/** Registers the chat world and its presets with {@link io.vivarium.core.world.Worlds}. Stateless and thread-safe. */
public final class ChatWorldFactory implements WorldFactory {
  /** Chat answers people: their questions take a group of the addressed agent's instances. */
  @Override
  public boolean takesAsks() {
    return true;
  }

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public String description() {
    return "answer short questions (invented facts, arithmetic, gold rooms) with text, the fact memory's hits shown first";
  }

  @Override
  public List<String> presets() {
    return ChatSetup.PRESETS;
  }

  /** A single world in a context of its own (an in-process fact book holding the source's facts). */
  @Override
  public World create(String preset) {
    return new ChatWorld(ChatSetup.of(preset, WorldContext.standalone()).fill());
  }

  @Override
  public Spec spec(String preset) {
    return ChatSetup.of(preset, WorldContext.standalone()).spec();
  }

  @Override
  public Spec spec(String preset, WorldContext context) {
    return ChatSetup.of(preset, context).spec();
  }

  /** A chat batch has no one-byte expert (its answers are text: {@link io.vivarium.core.world.TextExpert}). */
  @Override
  public boolean hasExpert(String preset) {
    return false;
  }

  @Override
  public WorldBatch batch(String preset, int size) {
    return batch(preset, size, WorldContext.standalone());
  }

  /**
   * A colony's batch ({@link ChatBatch}): groups share a question; with {@code world.chat.factMemory}
   * the source's facts (held-out ones included) go into the context's fact book first.
   */
  @Override
  public WorldBatch batch(String preset, int size, WorldContext context) {
    return new ChatBatch(ChatSetup.of(preset, context).fill(), context, size);
  }

  /**
   * A chat colony's defaults: 32 answers per agent and step in 4 groups of 8 (one question per
   * group), no recalled outputs in the context (the fact hits are the chat world's own memory, put
   * first in the text channel), two founders cloning the answers at lr 3e-3 (measured: three
   * times the gold default's rate learns to copy a value about five times faster), and a child
   * only after cloning is done (every 20,480 answers: children start with GRPO).
   */
  @Override
  public Map<String, Object> suggestions() {
    return Map.of("world.batch", 32, "learn.grpo.group", 8, "memory.k", 0, "colony.agents", 2,
        "learn.bc.lr", 3e-3, "colony.replicateEvery", 20_480);
  }
}
