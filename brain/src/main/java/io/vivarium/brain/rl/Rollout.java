package io.vivarium.brain.rl;

import io.vivarium.brain.BrainInput;
import io.vivarium.core.world.WorldBatch;

/**
 * One rollout of T steps in N environments, time-major {@code (T, N)}: the inputs the brain
 * saw, the actions it took with their log-probabilities and values, and what the worlds gave
 * back. Not thread-safe.
 */
final class Rollout {
  final int steps;
  final int envs;
  final BrainInput[] inputs; // (T, N)
  final int[] actions; // (T, N) indices into the alphabet
  final float[] logp; // (T, N)
  final float[] values; // (T, N)
  final float[] rewards; // (T, N)
  final boolean[] done; // (T, N)
  final float[] lastValues; // (N)
  final float[] advantages; // (T, N)
  final float[] returns; // (T, N)

  Rollout(int steps, int envs) {
    this.steps = steps;
    this.envs = envs;
    int n = steps * envs;
    inputs = new BrainInput[n];
    actions = new int[n];
    logp = new float[n];
    values = new float[n];
    rewards = new float[n];
    done = new boolean[n];
    lastValues = new float[envs];
    advantages = new float[n];
    returns = new float[n];
  }

  int size() {
    return steps * envs;
  }

  /** Copies step {@code t}'s results out of the batch's arrays. */
  void record(int t, WorldBatch batch) {
    float[] r = batch.rewards();
    boolean[] term = batch.terminated();
    boolean[] trunc = batch.truncated();
    for (int i = 0; i < envs; i++) {
      rewards[t * envs + i] = r[i];
      done[t * envs + i] = term[i] || trunc[i];
    }
  }
}
