package io.vivarium.brain.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Imitation learning from a world's {@link Expert} (seed 001's "fake traces"): behaviour
 * cloning, where the expert drives and the brain learns its choices, DAgger (Ross et al.
 * 2011), where the brain drives and every state it visits is labelled with the expert's
 * action, or a mixture: the brain drives some instances of the batch and the expert the
 * rest, every state labelled. Labelled states go to a bounded buffer; each iteration takes
 * gradient steps of cross-entropy on minibatches drawn from it. With the brain driving any
 * instance, the episode statistics are those of the brain-driven instances only (the brain's
 * own play); with the expert driving all, the expert's. The value head learns too: each
 * state's target is the discounted return of its episode from there on, known when the
 * episode ends, so that PPO after cloning ({@code bc+ppo}) starts with a fitted critic.
 *
 * <p>Not thread-safe; backward passes take the {@link TrainingLock}.
 */
public final class Imitation implements AutoCloseable {
  /**
   * @param steps steps per environment collected per iteration
   * @param minibatch samples per gradient step
   * @param updates gradient steps per iteration
   * @param lr learning rate
   * @param maxGradNorm global gradient-norm clip
   * @param drive the fraction of the batch's instances the brain drives: 0 is behaviour
   *     cloning, 1 DAgger; in between, the first {@code round(drive·N)} instances
   * @param buffer the most labelled states kept
   */
  public record Options(int steps, int minibatch, int updates, double lr, double maxGradNorm, double drive,
      int buffer) {
    public Options {
      if (steps < 1 || minibatch < 1 || updates < 0 || buffer < minibatch || !(lr > 0 && lr < 1)
          || !(drive >= 0 && drive <= 1)) {
        throw new IllegalArgumentException("imitation needs steps >= 1, minibatch >= 1, updates >= 0, "
            + "buffer >= minibatch, 0 < lr < 1 and 0 <= drive <= 1; got steps " + steps + ", minibatch "
            + minibatch + ", updates " + updates + ", buffer " + buffer + ", lr " + lr + ", drive " + drive);
      }
    }

    /** Defaults: 32 steps per environment, minibatch 64, 16 updates, lr 1e-3, a 16k-state buffer. */
    public static Options defaults(boolean dagger) {
      return new Options(32, 64, 16, 1e-3, 1.0, dagger ? 1 : 0, 16384);
    }

    /** Whether the brain drives every instance. */
    public boolean dagger() {
      return drive == 1;
    }

    /** These options with the brain driving the fraction {@code fraction} of the instances. */
    public Options withDrive(double fraction) {
      return new Options(steps, minibatch, updates, lr, maxGradNorm, fraction, buffer);
    }

    /** These options with {@code n} gradient steps per iteration. */
    public Options withUpdates(int n) {
      return new Options(steps, minibatch, n, lr, maxGradNorm, drive, buffer);
    }

    /** How many of {@code n} instances the brain drives. */
    public int driven(int n) {
      return (int) Math.round(drive * n);
    }
  }

  /** What one iteration did; {@code accuracy} is the brain's agreement with the expert on its minibatches. */
  public record Stats(long envSteps, long episodes, double meanReturn, double successRate, double loss,
      double accuracy) {}

  /** Discount of the returns the value head learns (PPO's default γ). */
  static final double GAMMA = 0.99;
  /** Weight of the value loss beside the cross-entropy (PPO's default value coefficient). */
  static final float VALUE_COEF = 0.5f;

  private final BatchActor actor;
  private final Expert expert;
  private final Options options;
  private final SplittableRandom rng;
  private final AdamW opt;
  private final LabelledStates states;
  private BooleanSupplier stopCheck = () -> false;

  public Imitation(TorchBrain brain, WorldBatch batch, Encoding encoding, Options options, long seed) {
    if (!(batch instanceof Expert e)) {
      throw new IllegalArgumentException("imitation needs a world with an expert; " + batch.spec().world()
          + " has none (use ppo or grpo instead)");
    }
    int driven = options.driven(batch.size());
    this.actor = new BatchActor(brain, batch, encoding, driven == 0 ? batch.size() : driven);
    this.expert = e;
    this.options = options;
    this.rng = Seeds.random(seed, "imitation", 0);
    this.states = new LabelledStates(options.buffer());
    this.opt = brain.update(w -> new AdamW(w, 0.9, 0.999, 1e-8, 0));
    batch.reset(Seeds.derive(seed, "imitation-worlds"));
  }

  /** Collects labelled states, then learns from the buffer. */
  public Stats iterate() {
    collect();
    int size = states.size();
    double loss = 0;
    double accuracy = 0;
    int done = 0;
    for (; done < options.updates() && !stopCheck.getAsBoolean(); done++) {
      float[] r = update(size);
      loss += r[0];
      accuracy += r[1];
    }
    int n = Math.max(1, done);
    return new Stats(actor.envSteps(), actor.episodes.episodes(), actor.episodes.meanReturn(),
        actor.episodes.successRate(), loss / n, accuracy / n);
  }

  /**
   * Sets a hook called on the driving thread after every batch step, with the motor bytes of
   * that step (an array owned by the learner, valid during the call); the batch's rewards and
   * done flags are those of the step. Null removes it. An exception from the hook ends the
   * iteration.
   */
  public void setStepObserver(java.util.function.Consumer<byte[]> observer) {
    actor.setStepObserver(observer);
  }

  /**
   * Sets a check asked before every gradient step: when it says true, the iteration ends at
   * once with the steps applied so far (each one whole). Called on the driving thread.
   */
  public void setStopCheck(BooleanSupplier check) {
    stopCheck = check == null ? () -> false : check;
  }

  /** The optimizer's moments and step counter as bytes (see {@link AdamW#exportState()}). */
  public byte[] optimizerState() {
    return opt.exportState();
  }

  /**
   * Continues from an optimizer state saved by {@link #optimizerState()}.
   *
   * @throws IllegalArgumentException when it does not fit this brain; the optimizer stays fresh
   */
  public void restoreOptimizer(byte[] state) {
    opt.importState(state);
  }

  /** Updates the optimizer has applied (across restores). */
  public int optimizerSteps() {
    return opt.steps();
  }

  /** What instance {@code i} of the batch sees now, encoded as the brain's input. */
  public BrainInput input(int i) {
    return actor.observe(i);
  }

  /**
   * The states of each instance's current episode and their rewards, until it ends and their
   * discounted returns become value targets.
   */
  private long[][] pendingStamps;
  private float[][] pendingRewards;
  private int[] pending;

  private void collect() {
    int n = actor.batch.size();
    int k = options.driven(n);
    if (pending == null) {
      pending = new int[n];
      pendingStamps = new long[n][64];
      pendingRewards = new float[n][64];
    }
    int[] actions = new int[n];
    float[] logp = new float[n];
    for (int t = 0; t < options.steps(); t++) {
      List<BrainInput> inputs = actor.observe();
      int[] driven = k > 0
          ? Policy.sample(actor.policy(k == n ? inputs : inputs.subList(0, k))[0], actor.alphabet.length, rng,
              logp, false) : null;
      for (int i = 0; i < n; i++) {
        int label = actor.indexOf(expert.expertAction(i));
        if (label < 0) {
          throw new IllegalStateException("the expert of " + actor.batch.spec().world()
              + " chose a byte outside its action alphabet");
        }
        remember(i, states.add(inputs.get(i), label));
        actions[i] = i < k ? driven[i] : label;
      }
      actor.step(actions);
      float[] r = actor.batch.rewards();
      boolean[] term = actor.batch.terminated();
      boolean[] trunc = actor.batch.truncated();
      for (int i = 0; i < n; i++) {
        pendingRewards[i][pending[i] - 1] = r[i];
        if (term[i] || trunc[i]) {
          settle(i);
        }
      }
    }
  }

  private void remember(int i, long stamp) {
    if (pending[i] == pendingStamps[i].length) {
      pendingStamps[i] = java.util.Arrays.copyOf(pendingStamps[i], pending[i] * 2);
      pendingRewards[i] = java.util.Arrays.copyOf(pendingRewards[i], pending[i] * 2);
    }
    pendingStamps[i][pending[i]++] = stamp;
  }

  /**
   * Instance {@code i}'s episode ended: each of its states gets the discounted return from it
   * on (γ = {@link #GAMMA}; a truncated episode counts as ended, as PPO counts it).
   */
  private void settle(int i) {
    double g = 0;
    for (int t = pending[i] - 1; t >= 0; t--) {
      g = pendingRewards[i][t] + GAMMA * g;
      states.setValue(pendingStamps[i][t], (float) g);
    }
    pending[i] = 0;
  }

  private float[] update(int size) {
    int b = Math.min(options.minibatch(), size);
    List<BrainInput> inputs = new ArrayList<>(b);
    long[] target = new long[b];
    float[] value = new float[b];
    float[] known = new float[b];
    for (int j = 0; j < b; j++) {
      int k = rng.nextInt(size);
      inputs.add(states.state(k));
      target[j] = states.label(k);
      float v = states.value(k);
      known[j] = Float.isNaN(v) ? 0 : 1;
      value[j] = Float.isNaN(v) ? 0 : v;
    }
    return actor.brain.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        NDArray[] out = TrainingLock.run(() -> {
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray[] fwd = Policy.forward(w, m, inputs, actor.alphabet, true);
            NDArray logits = fwd[0]; // (B, A)
            NDArray ce = logits.logSoftmax(-1).gather(m.create(target, new Shape(b, 1)), 1).mean().neg();
            // The value head learns the returns of finished episodes, so that PPO after cloning
            // starts with a fitted critic instead of noise (a constant's array: see Transformer#scalar).
            NDArray err = fwd[1].sub(m.create(value)).square().mul(m.create(known)); // (B)
            NDArray v = err.sum().div(m.create(Math.max(1f, sum(known)))).mul(m.create(0.5f * VALUE_COEF));
            NDArray loss = ce.add(v);
            gc.backward(loss);
            return new NDArray[] {ce, logits};
          }
        });
        JniUtils.setGradMode(false);
        opt.step(m, options.lr(), options.maxGradNorm());
        long[] argmax = out[1].argMax(1).toLongArray();
        int right = 0;
        for (int j = 0; j < b; j++) {
          right += argmax[j] == target[j] ? 1 : 0;
        }
        return new float[] {out[0].getFloat(), (float) right / b};
      }
    });
  }

  private static float sum(float[] a) {
    float s = 0;
    for (float x : a) {
      s += x;
    }
    return s;
  }

  @Override
  public void close() {
    opt.close();
  }
}
