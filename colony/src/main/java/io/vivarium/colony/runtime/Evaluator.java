package io.vivarium.colony.runtime;

import io.vivarium.brain.BrainFile;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.judge.BrainJudge;
import io.vivarium.brain.judge.JudgeText;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.Judge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The colony's evaluator: {@code world.evaluator} checked before anything starts (the file is an
 * evaluator brain; {@code world.reward=evaluator} has one), then opened as the {@link Judge} the
 * colony lends its worlds. Stateless.
 */
final class Evaluator {
  /** The reward term that pays the evaluator's probability of yes. */
  static final String REWARD = "evaluator";

  private Evaluator() {}

  /**
   * The evaluator file {@code world} names, read and checked (plain Java: no engine needed); null
   * when none is named.
   *
   * @throws IllegalArgumentException when the reward needs an evaluator and none is named, or the
   *     file cannot be read or is not an evaluator brain
   */
  static Path check(WorldConfig world) {
    String file = world.evaluator();
    boolean paid = Arrays.stream(world.reward().split("[+* ]")).anyMatch(REWARD::equals);
    if (file.isEmpty()) {
      if (paid) {
        throw new IllegalArgumentException("world.reward=" + world.reward() + " pays an evaluator's yes, but"
            + " world.evaluator is empty; set world.evaluator to a brain file from 'vivarium train evaluator --world "
            + world.name() + "' or choose another world.reward");
      }
      return null;
    }
    Optional<TrainedFor> trained;
    try {
      trained = Optional.ofNullable(BrainFile.read(Path.of(file)).trainedFor());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("world.evaluator=" + file + " cannot be read as a brain file ("
          + e.getMessage() + "); give a file saved by 'vivarium train evaluator', or leave it empty", e);
    }
    try {
      JudgeText.requireEvaluator(trained, "world.evaluator=" + file);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ", or leave world.evaluator empty", e);
    }
    return Path.of(file);
  }

  /** The evaluator in {@code file} (checked by {@link #check}), or null when {@code file} is null. */
  static BrainJudge open(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return BrainJudge.open(file);
    } catch (IOException e) {
      throw new UncheckedIOException("world.evaluator=" + file + " could not be read: " + e.getMessage(), e);
    }
  }

  /** {@code evaluator} as the judge worlds ask, {@link Judge#none()} when there is none. */
  static Judge judge(BrainJudge evaluator) {
    return evaluator == null ? Judge.none() : evaluator;
  }
}
