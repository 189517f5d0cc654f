package io.vivarium.brain.learn;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainedFor;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Acts;
import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.Progress;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.WorldBatch;
import java.util.SplittableRandom;

/**
 * Measures a brain, or a world's expert, on a fixed set of episodes: every instance of the
 * batch plays exactly {@code episodesEach} episodes from the batch's seed, so a brain and the
 * expert face the same episodes and their returns compare.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Mean return and success rate over the measured episodes. */
  public record Result(int episodes, double meanReturn, double successRate) {}

  /** The brain's greedy policy (its most likely action) on the batch's episodes. */
  public static Result brain(TorchBrain brain, WorldBatch batch, Encoding encoding, int episodesEach, long seed) {
    return brain(brain, batch, encoding, episodesEach, seed, false);
  }

  /**
   * The brain on the batch's episodes, acting greedily or, when {@code sample}, drawing each
   * action from its policy (as it does while learning) with a generator seeded from {@code seed}.
   * A weak policy played greedily often repeats one move forever; sampling shows what it has
   * learned so far.
   */
  public static Result brain(TorchBrain brain, WorldBatch batch, Encoding encoding, int episodesEach, long seed,
      boolean sample) {
    return brain(brain, batch, encoding, episodesEach, seed, sample, Progress.NONE);
  }

  /** {@link #brain(TorchBrain, WorldBatch, Encoding, int, long, boolean)}, each finished episode reported to {@code progress}. */
  public static Result brain(TorchBrain brain, WorldBatch batch, Encoding encoding, int episodesEach, long seed,
      boolean sample, Progress progress) {
    Encoding read = encoding.withGroup(brain.shape().group()); // the brain reads its own groups
    checkTrainedFor(brain, batch, read);
    Senses senses = new Senses(batch.spec(), read, batch.size());
    Actor actor = new Actor(ActionSpace.of(batch.spec()), 1.0);
    SplittableRandom rng = Seeds.random(seed, "evaluation-sampling", 0);
    Action[] actions = new Action[batch.size()];
    return play(batch, episodesEach, seed, () -> {
      Acts acts = actor.act(brain, senses.inputs(batch, batch.size()), rng, !sample);
      for (int i = 0; i < actions.length; i++) {
        actions[i] = actor.space().action(acts.bytes()[i]);
      }
      batch.step(actions);
      for (int i = 0; i < actions.length; i++) {
        senses.record(i, acts.bytes()[i], batch.rewards()[i], batch.terminated()[i] || batch.truncated()[i]);
      }
    }, progress);
  }

  /**
   * Refuses a brain whose recorded encoding differs from the one the batch and {@code encoding}
   * give: it would see noise and silently score nothing. A brain that records nothing passes.
   */
  public static void checkTrainedFor(TorchBrain brain, WorldBatch batch, Encoding encoding) {
    TrainedFor here = Training.trainedFor(batch.spec(), encoding);
    brain.trainedFor().filter(t -> !t.encoding().equals(here.encoding())).ifPresent(t -> {
      throw new IllegalArgumentException("the brain was trained on " + t + " but this evaluation encodes "
          + here + " differently; evaluate it with the preset it was trained on (--preset " + t.preset() + ")");
    });
  }

  /** The world's expert on the same episodes. */
  public static Result expert(WorldBatch batch, int episodesEach, long seed) {
    if (!(batch instanceof Expert e)) {
      throw new IllegalArgumentException(batch.spec().world() + " has no expert to compare with");
    }
    byte[] motor = new byte[batch.size()];
    return play(batch, episodesEach, seed, () -> {
      for (int i = 0; i < motor.length; i++) {
        motor[i] = e.expertAction(i);
      }
      batch.step(motor);
    }, Progress.NONE);
  }

  private static Result play(WorldBatch batch, int episodesEach, long seed, Runnable step, Progress progress) {
    if (episodesEach < 1) {
      throw new IllegalArgumentException("episodes per instance must be at least 1; got " + episodesEach);
    }
    batch.reset(seed);
    int n = batch.size();
    int[] finished = new int[n];
    double[] running = new double[n];
    double sum = 0;
    int successes = 0;
    int done = 0;
    while (done < n * episodesEach) {
      step.run();
      for (int i = 0; i < n; i++) {
        running[i] += batch.rewards()[i];
        if (batch.terminated()[i] || batch.truncated()[i]) {
          if (finished[i] < episodesEach) {
            sum += running[i];
            successes += batch.terminated()[i] ? 1 : 0;
            finished[i]++;
            done++;
            progress.advance(1);
          }
          running[i] = 0;
        }
      }
    }
    return new Result(done, sum / done, (double) successes / done);
  }
}
