package io.vivarium.brain.learn;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Acts;

/**
 * One rollout of T steps in N world instances, time-major {@code (T, N)}: what the brain saw,
 * what it did with the log-probabilities and values of its choices, the expert's labels where a
 * learner asked for them (an alphabet index in one-byte worlds, the answer's bytes in sequence
 * worlds), and what the worlds answered. The loop writes each step once
 * ({@link #acted}, then {@link #answered}); learners, episode records and memory read it from
 * here. A rollout stopped early is {@link #full() not full}, and learners refuse it. Not
 * thread-safe.
 */
public final class Rollout {
  private final ActionSpace space;
  private final int steps;
  private final int envs;
  private final BrainInput[] inputs; // (T, N)
  private final byte[][] actions; // (T, N)
  private final int[] choice; // (T, N) alphabet indices of one-byte actions
  private final int[][] tokens; // (T, N) sampled tokens of sequences
  private final float[][] tokenLogp; // (T, N)
  private final float[] logp; // (T, N)
  private final float[] values; // (T, N)
  private final int[] labels; // (T, N) the expert's alphabet index, -1 for none
  private final byte[][] answers; // (T, N) the expert's answer in sequence worlds, null for none
  private final float[] rewards; // (T, N)
  private final boolean[] terminated; // (T, N)
  private final boolean[] truncated; // (T, N)
  private final float[] lastValues; // (N)
  private int filled;

  /** An empty rollout of {@code steps} steps in {@code envs} instances of a world with actions {@code space}. */
  public Rollout(ActionSpace space, int steps, int envs) {
    if (steps < 1 || envs < 1) {
      throw new IllegalArgumentException("a rollout needs at least 1 step and 1 instance; got " + steps + " and "
          + envs);
    }
    this.space = space;
    this.steps = steps;
    this.envs = envs;
    int n = steps * envs;
    inputs = new BrainInput[n];
    actions = new byte[n][];
    choice = new int[n];
    tokens = new int[n][];
    tokenLogp = new float[n][];
    logp = new float[n];
    values = new float[n];
    labels = new int[n];
    answers = new byte[n][];
    rewards = new float[n];
    terminated = new boolean[n];
    truncated = new boolean[n];
    lastValues = new float[envs];
    java.util.Arrays.fill(labels, -1);
  }

  /** Row {@code t}'s inputs and actions: {@code acts} row {@code r} is instance {@code from + r}. */
  public void acted(int t, BrainInput[] seen, Acts acts, int from) {
    int[] rows = new int[acts.size()];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = from + r;
    }
    acted(t, seen, acts, rows);
  }

  /** Row {@code t}'s inputs and actions: {@code acts} row {@code r} is instance {@code rows[r]}. */
  public void acted(int t, BrainInput[] seen, Acts acts, int[] rows) {
    for (int r = 0; r < acts.size(); r++) {
      int k = t * envs + rows[r];
      inputs[k] = seen[rows[r]];
      actions[k] = acts.bytes()[r];
      choice[k] = acts.choice() == null ? -1 : acts.choice()[r];
      tokens[k] = acts.tokens() == null ? null : acts.tokens()[r];
      tokenLogp[k] = acts.tokenLogp() == null ? null : acts.tokenLogp()[r];
      logp[k] = acts.logp()[r];
      values[k] = acts.values()[r];
    }
  }

  /** Instance {@code i} at step {@code t} acted as the expert would (an expert-driven instance): no log-probability. */
  public void expertActed(int t, int i, BrainInput seen, byte[] action, int label) {
    int k = t * envs + i;
    inputs[k] = seen;
    actions[k] = action;
    choice[k] = label;
    logp[k] = Float.NaN;
    values[k] = Float.NaN;
  }

  /** The expert's label (alphabet index) of instance {@code i} at step {@code t}. */
  public void label(int t, int i, int label) {
    labels[t * envs + i] = label;
  }

  /** The expert's answer of instance {@code i} at step {@code t} in a sequence world (empty: none here). */
  public void answer(int t, int i, byte[] text) {
    answers[t * envs + i] = text;
  }

  /** The worlds' answer to step {@code t}, copied out of the batch's arrays. */
  public void answered(int t, float[] r, boolean[] term, boolean[] trunc) {
    System.arraycopy(r, 0, rewards, t * envs, envs);
    System.arraycopy(term, 0, terminated, t * envs, envs);
    System.arraycopy(trunc, 0, truncated, t * envs, envs);
    filled = Math.max(filled, t + 1);
  }

  /** The value estimates of what each instance sees after the last step (for bootstrapping). */
  public void lastValues(float[] v) {
    System.arraycopy(v, 0, lastValues, 0, envs);
  }

  public ActionSpace space() {
    return space;
  }

  /** T. */
  public int steps() {
    return steps;
  }

  /** N. */
  public int envs() {
    return envs;
  }

  /** T·N. */
  public int size() {
    return steps * envs;
  }

  /** Steps answered so far. */
  public int filled() {
    return filled;
  }

  /** Whether every step was answered. */
  public boolean full() {
    return filled == steps;
  }

  /** The input at flat index {@code k = t·N + i}. */
  public BrainInput input(int k) {
    return inputs[k];
  }

  public byte[] action(int k) {
    return actions[k];
  }

  public int choice(int k) {
    return choice[k];
  }

  public int[] tokens(int k) {
    return tokens[k];
  }

  public float[] tokenLogp(int k) {
    return tokenLogp[k];
  }

  public float logp(int k) {
    return logp[k];
  }

  public float value(int k) {
    return values[k];
  }

  public int label(int k) {
    return labels[k];
  }

  /** The expert's answer at flat index {@code k} in a sequence world; null or empty when there is none. */
  public byte[] answer(int k) {
    return answers[k];
  }

  public float reward(int k) {
    return rewards[k];
  }

  public boolean terminated(int k) {
    return terminated[k];
  }

  public boolean truncated(int k) {
    return truncated[k];
  }

  /** Whether the episode of flat index {@code k} ended at that step. */
  public boolean done(int k) {
    return terminated[k] || truncated[k];
  }

  /** The bytes instance {@code i} acted with during the rollout, step after step. */
  public byte[] actionBytes(int i) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int t = 0; t < filled; t++) {
      byte[] a = actions[t * envs + i];
      out.write(a, 0, a.length);
    }
    return out.toByteArray();
  }

  /** Values (T·N) for GAE. */
  float[] values() {
    return values;
  }

  /** Rewards (T·N) for GAE. */
  float[] rewards() {
    return rewards;
  }

  /** Episode ends (T·N) for GAE. */
  boolean[] dones() {
    boolean[] d = new boolean[size()];
    for (int k = 0; k < d.length; k++) {
      d[k] = terminated[k] || truncated[k];
    }
    return d;
  }

  /** The bootstrap values (N). */
  float[] lastValues() {
    return lastValues;
  }
}
