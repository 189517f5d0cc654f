package io.vivarium.brain.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Patches;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.TrainingLock;
import io.vivarium.brain.learn.AdamW;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Group-relative policy optimisation (Shao et al. 2024; seed 001's "pseudo-GRPO"): G episodes
 * from the same start state; each episode's advantage is its return minus the group's mean,
 * over the group's deviation; every step of an episode shares that advantage. No value head.
 * The policy loss is PPO's clipped surrogate; an optional KL penalty (the k3 estimator) keeps
 * the policy near a frozen reference brain.
 *
 * <p>Not thread-safe; backward passes take the {@link TrainingLock}.
 */
public final class Grpo implements AutoCloseable {
  /**
   * @param group G, episodes per start state
   * @param groups start states per iteration
   * @param epochs passes over each iteration's steps
   * @param minibatch steps per gradient step
   * @param lr learning rate
   * @param clip the surrogate's clip range
   * @param kl the KL penalty coefficient β (0 = none)
   * @param maxGradNorm global gradient-norm clip
   */
  public record Options(int group, int groups, int epochs, int minibatch, double lr, double clip, double kl,
      double maxGradNorm) {
    public Options {
      if (group < 2 || groups < 1 || epochs < 1 || minibatch < 1 || !(lr > 0 && lr < 1) || !(clip > 0 && clip < 1)
          || !(kl >= 0)) {
        throw new IllegalArgumentException("grpo needs group >= 2, groups >= 1, epochs >= 1, minibatch >= 1, "
            + "0 < lr < 1, 0 < clip < 1 and kl >= 0; got group " + group + ", groups " + groups + ", epochs "
            + epochs + ", minibatch " + minibatch + ", lr " + lr + ", clip " + clip + ", kl " + kl);
      }
    }

    /** Defaults: groups of 8 from 4 start states, 4 epochs, minibatch 64, lr 1e-3, clip 0.2, no KL. */
    public static Options defaults() {
      return new Options(8, 4, 4, 64, 1e-3, 0.2, 0, 0.5);
    }
  }

  /** What one iteration did. */
  public record Stats(long envSteps, long episodes, double meanReturn, double successRate, double policyLoss,
      double kl) {}

  private final TorchBrain brain;
  private final TorchBrain reference;
  private final List<World> worlds = new ArrayList<>();
  private final ObservationEncoder encoder;
  private final int memory;
  private final long[] alphabet;
  private final Options options;
  private final SplittableRandom rng;
  private final long seed;
  private final AdamW opt;
  private long envSteps;
  private long episodes;
  private long starts;

  /** A learner of {@code brain}; {@code reference} (may be null) anchors the KL penalty. */
  public Grpo(TorchBrain brain, TorchBrain reference, Supplier<? extends World> factory, Encoding encoding,
      Options options, long seed) {
    if (options.kl() > 0 && reference == null) {
      throw new IllegalArgumentException("grpo kl is " + options.kl() + " but no reference brain was given; "
          + "pass one or set kl to 0");
    }
    this.brain = brain;
    this.reference = reference;
    for (int j = 0; j < options.group(); j++) {
      worlds.add(factory.get());
    }
    byte[] bytes = worlds.get(0).spec().actionAlphabet();
    if (bytes.length < 2) {
      throw new IllegalArgumentException("grpo here needs a one-byte action alphabet of 2 or more actions; "
          + worlds.get(0).spec().world() + " declares " + bytes.length);
    }
    this.alphabet = new long[bytes.length];
    for (int a = 0; a < bytes.length; a++) {
      alphabet[a] = bytes[a] & 0xFF;
    }
    this.encoder = new ObservationEncoder(worlds.get(0).spec(), encoding);
    this.memory = encoding.actionMemory();
    this.options = options;
    this.seed = seed;
    this.rng = Seeds.random(seed, "grpo-actions", 0);
    this.opt = brain.update(w -> new AdamW(w, 0.9, 0.999, 1e-8, 0));
  }

  /** Runs {@code groups} groups of episodes and learns from them. */
  public Stats iterate() {
    List<BrainInput> inputs = new ArrayList<>();
    List<Integer> actions = new ArrayList<>();
    List<Float> oldLogp = new ArrayList<>();
    List<Float> advantages = new ArrayList<>();
    double returnSum = 0;
    int successes = 0;
    for (int g = 0; g < options.groups(); g++) {
      long start = Seeds.derive(seed, "grpo-start", starts++);
      List<List<Integer>> steps = new ArrayList<>();
      float[] returns = new float[options.group()];
      boolean[] success = new boolean[options.group()];
      int first = inputs.size();
      runGroup(start, inputs, actions, oldLogp, steps, returns, success);
      float[] adv = Advantages.groupRelative(returns, options.group(), 1e-6f);
      for (int j = 0; j < options.group(); j++) {
        returnSum += returns[j];
        successes += success[j] ? 1 : 0;
        for (int k = 0; k < steps.get(j).size(); k++) {
          advantages.add(adv[j]);
        }
      }
      reorder(inputs, actions, oldLogp, first, steps);
    }
    float[] refLogp = reference == null ? null : logp(reference, inputs, actions);
    double[] sums = new double[3];
    for (int e = 0; e < options.epochs(); e++) {
      for (int from = 0; from < inputs.size(); from += options.minibatch()) {
        float[] r = update(inputs, actions, oldLogp, advantages, refLogp, from,
            Math.min(inputs.size(), from + options.minibatch()));
        sums[0] += r[0];
        sums[1] += r[1];
        sums[2]++;
      }
    }
    int n = options.group() * options.groups();
    episodes += n;
    return new Stats(envSteps, episodes, returnSum / n, (double) successes / n, sums[0] / sums[2], sums[1] / sums[2]);
  }

  // 1. One group: G episodes from the same start, stepped together until all are done.
  private void runGroup(long start, List<BrainInput> inputs, List<Integer> actions, List<Float> oldLogp,
      List<List<Integer>> steps, float[] returns, boolean[] success) {
    int g = options.group();
    Observation[] obs = new Observation[g];
    History history = new History(g, memory);
    boolean[] live = new boolean[g];
    for (int j = 0; j < g; j++) {
      obs[j] = worlds.get(j).reset(start);
      live[j] = true;
      steps.add(new ArrayList<>());
    }
    int len = encoder.length();
    while (anyLive(live)) {
      List<BrainInput> now = new ArrayList<>();
      List<Integer> who = new ArrayList<>();
      for (int j = 0; j < g; j++) {
        if (live[j]) {
          int[] tokens = new int[len];
          byte[] channels = new byte[len];
          encoder.encode(obs[j], history, j, tokens, channels, 0);
          now.add(new BrainInput(tokens, channels, len, Patches.none(1)));
          who.add(j);
        }
      }
      float[] logits = forward(brain, now);
      float[] lp = new float[now.size()];
      int[] chosen = Policy.sample(logits, alphabet.length, rng, lp, false);
      for (int r = 0; r < now.size(); r++) {
        int j = who.get(r);
        steps.get(j).add(inputs.size());
        inputs.add(now.get(r));
        actions.add(chosen[r]);
        oldLogp.add(lp[r]);
        Step s = worlds.get(j).step(Action.motor((byte) alphabet[chosen[r]]));
        envSteps++;
        returns[j] += (float) s.reward();
        history.record(j, (int) alphabet[chosen[r]], (float) s.reward(), false);
        obs[j] = s.observation();
        if (s.done()) {
          live[j] = false;
          success[j] = s.terminated();
        }
      }
    }
  }

  /** Puts each episode's steps together (episode-major), so advantages line up with steps. */
  private static void reorder(List<BrainInput> inputs, List<Integer> actions, List<Float> logp, int first,
      List<List<Integer>> steps) {
    List<BrainInput> in = new ArrayList<>();
    List<Integer> ac = new ArrayList<>();
    List<Float> lp = new ArrayList<>();
    for (List<Integer> episode : steps) {
      for (int k : episode) {
        in.add(inputs.get(k));
        ac.add(actions.get(k));
        lp.add(logp.get(k));
      }
    }
    for (int k = 0; k < in.size(); k++) {
      inputs.set(first + k, in.get(k));
      actions.set(first + k, ac.get(k));
      logp.set(first + k, lp.get(k));
    }
  }

  // 2. Update: clipped surrogate on the shared advantages, plus β·KL to the reference.
  private float[] update(List<BrainInput> inputs, List<Integer> actions, List<Float> oldLogp, List<Float> adv,
      float[] refLogp, int from, int to) {
    int b = to - from;
    List<BrainInput> in = inputs.subList(from, to);
    long[] act = new long[b];
    float[] old = new float[b];
    float[] a = new float[b];
    float[] ref = new float[b];
    for (int j = 0; j < b; j++) {
      act[j] = actions.get(from + j);
      old[j] = oldLogp.get(from + j);
      a[j] = adv.get(from + j);
      ref[j] = refLogp == null ? 0 : refLogp[from + j];
    }
    return brain.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        NDArray[] out = TrainingLock.run(() -> {
          try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray logits = Policy.forward(w, m, in, alphabet, true)[0]; // (B, A)
            NDArray lp = logits.logSoftmax(-1).gather(m.create(act, new Shape(b, 1)), 1).squeeze(-1); // (B)
            NDArray ratio = lp.sub(m.create(old)).exp();
            NDArray av = m.create(a);
            NDArray clipped = ratio.maximum(m.create((float) (1 - options.clip()))).minimum(m.create((float) (1 + options.clip())));
            NDArray pg = av.mul(ratio).neg().maximum(av.mul(clipped).neg())
                .mean();
            NDArray kl = m.zeros(new Shape());
            if (refLogp != null) {
              NDArray d = m.create(ref).sub(lp); // log(π_ref / π)
              kl = d.exp().sub(d).sub(m.create(1f)).mean();
            }
            NDArray loss = pg.add(kl.mul(m.create((float) options.kl())));
            gc.backward(loss);
            return new NDArray[] {pg, kl};
          }
        });
        JniUtils.setGradMode(false);
        opt.step(m, options.lr(), options.maxGradNorm());
        return new float[] {out[0].getFloat(), out[1].getFloat()};
      }
    });
  }

  private float[] forward(TorchBrain b, List<BrainInput> inputs) {
    return b.update(w -> {
      try (NDManager m = w.manager().newSubManager()) {
        JniUtils.setGradMode(false);
        return Policy.forward(w, m, inputs, alphabet, false)[0].toFloatArray();
      }
    });
  }

  private float[] logp(TorchBrain b, List<BrainInput> inputs, List<Integer> actions) {
    float[] out = new float[inputs.size()];
    for (int from = 0; from < inputs.size(); from += 256) {
      int to = Math.min(inputs.size(), from + 256);
      float[] logits = forward(b, inputs.subList(from, to));
      for (int r = 0; r < to - from; r++) {
        out[from + r] = Policy.logProb(logits, alphabet.length, r, actions.get(from + r));
      }
    }
    return out;
  }

  private static boolean anyLive(boolean[] live) {
    for (boolean l : live) {
      if (l) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    opt.close();
    for (World w : worlds) {
      w.close();
    }
  }
}
