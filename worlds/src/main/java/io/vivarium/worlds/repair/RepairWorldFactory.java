package io.vivarium.worlds.repair;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import java.util.List;
import java.util.Map;

/**
 * Registers the repair world and its presets with {@link io.vivarium.core.world.Worlds}.
 * Stateless and thread-safe.
 */
public final class RepairWorldFactory implements WorldFactory {
  @Override
  public String name() {
    return "repair";
  }

  @Override
  public String description() {
    return "repair a passage damaged by named corruption operations; answer with text or a unified diff";
  }

  @Override
  public List<String> presets() {
    return RepairPresets.names();
  }

  /**
   * {@code repair-short-single}: one operation on a 200-character passage, so that a colony of
   * small brains sees the whole passage and can write its repair within a few hundred positions.
   */
  @Override
  public String defaultPreset() {
    return "repair-short-single";
  }

  @Override
  public World create(String preset) {
    return new RepairWorld(RepairPresets.get(preset));
  }

  /** A {@link RepairBatch} paid by the edit-distance improvement. */
  @Override
  public WorldBatch batch(String preset, int size) {
    return new RepairBatch(RepairPresets.get(preset), size, new RepairReward.Improvement());
  }

  /**
   * A colony's {@link RepairBatch}: {@code world.reward} empty pays the edit-distance
   * improvement, {@code evaluator} the context's judge's yes to "Is the passage repaired?".
   */
  @Override
  public WorldBatch batch(String preset, int size, WorldContext context) {
    RepairReward reward = RepairReward.parse(context.config().reward(), context.judge());
    return new RepairBatch(RepairPresets.get(preset), size, reward);
  }

  /** The preset's spec, after checking {@code world.reward}. */
  @Override
  public Spec spec(String preset, WorldContext context) {
    RepairReward.parse(context.config().reward(), context.judge());
    return spec(preset);
  }

  /** Answers are text: no one-byte expert (the clean passage is a {@link io.vivarium.core.world.TextExpert}). */
  @Override
  public boolean hasExpert(String preset) {
    RepairPresets.get(preset);
    return false;
  }

  /**
   * A repair colony's defaults: 16 answers per agent and step in 2 groups of 8 (8 answers to one
   * damaged passage, compared by GRPO); no recalled memories (another passage's repair does not
   * help with this one, and the block keeps its room for the passage and the answer); 2
   * founders, at most 8 agents (each brain reads a passage and writes an answer of up to 256
   * bytes), cloning the expert's edits at lr 3e-3 as chat does, and a child only after cloning is
   * done (every 20,480 answers: children start with GRPO).
   */
  @Override
  public Map<String, Object> suggestions() {
    return Map.of("world.batch", 16, "learn.grpo.group", 8, "memory.k", 0, "colony.agents", 2,
        "colony.maxAgents", 8, "learn.bc.lr", 3e-3, "colony.replicateEvery", 20_480);
  }
}
