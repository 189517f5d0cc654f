package io.vivarium.brain.learn;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Acts;
import io.vivarium.brain.policy.Senses;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The mechanics of one step of a loop: what every instance of a batch perceives, the brain's
 * actions through the {@link Actor} (the expert's on the instances a learner leaves to it, with
 * every state labelled when the learner asks), the batch stepped once, and the step written
 * once into a {@link Rollout}. The expert is the world's {@link Expert} in one-byte worlds and
 * its {@link TextExpert} in sequence worlds; where the latter has no answer (an empty one, e.g.
 * a person's question) the brain answers even on the expert's instances. Whoever owns the loop
 * (the colony's turn, a train command) calls {@link #step} and decides what happens between
 * steps. Not thread-safe.
 */
public final class Collector {
  private final TorchBrain brain;
  private final WorldBatch batch;
  private final Senses senses;
  private final Actor actor;
  private final Learner.Needs needs;
  private final Expert expert;
  private final TextExpert textExpert;
  private final SplittableRandom rng;

  /**
   * A collector for {@code brain} in {@code batch}, as {@code needs} asks.
   *
   * @throws IllegalArgumentException when the learner needs what the world lacks (an expert, a one-byte alphabet)
   */
  public Collector(TorchBrain brain, WorldBatch batch, Senses senses, Actor actor, Learner.Needs needs,
      SplittableRandom rng) {
    boolean oneByte = actor.space().oneByte();
    if (needs.oneByte() && !oneByte) {
      throw new IllegalArgumentException("this learner needs a world with a one-byte action alphabet; "
          + batch.spec().world() + " acts with byte sequences (use learn.method=grpo or ppo)");
    }
    if (needs.expertLabels() && !(oneByte ? batch instanceof Expert : batch instanceof TextExpert)) {
      throw new IllegalArgumentException("cloning needs a world with an expert; " + batch.spec().world()
          + " has none (use learn.method=ppo or grpo)");
    }
    if (needs.brainDriven() < 0 || needs.brainDriven() > batch.size()) {
      throw new IllegalArgumentException("the brain can drive 0 to " + batch.size() + " instances; asked for "
          + needs.brainDriven());
    }
    this.brain = brain;
    this.batch = batch;
    this.senses = senses;
    this.actor = actor;
    this.needs = needs;
    this.expert = needs.expertLabels() && oneByte ? (Expert) batch : null;
    this.textExpert = needs.expertLabels() && !oneByte ? (TextExpert) batch : null;
    this.rng = rng;
  }

  /** A rollout of {@code steps} steps for this batch. */
  public Rollout rollout(int steps) {
    return new Rollout(actor.space(), steps, batch.size());
  }

  /** Step {@code t}: perceive, act, step the batch, write it into {@code r}; returns the actions taken (N). */
  public byte[][] step(Rollout r, int t) {
    int n = batch.size();
    int k = needs.brainDriven();
    BrainInput[] seen = new BrainInput[n];
    for (int i = 0; i < n; i++) {
      seen[i] = senses.input(batch.observation(i), i);
    }
    byte[][] moves = label(r, t); // (N) the expert's, null where it has none
    int[] rows = IntStream.range(0, n).filter(i -> i < k || moves == null || moves[i] == null).toArray();
    byte[][] taken = new byte[n][];
    if (rows.length > 0) {
      List<BrainInput> in = new ArrayList<>(rows.length);
      for (int i : rows) {
        in.add(seen[i]);
      }
      Acts acts = actor.act(brain, in, rng, false);
      r.acted(t, seen, acts, rows);
      for (int j = 0; j < rows.length; j++) {
        taken[rows[j]] = acts.bytes()[j];
      }
    }
    for (int i = k; i < n; i++) {
      if (taken[i] == null) {
        taken[i] = moves[i];
        r.expertActed(t, i, seen[i], taken[i], r.label(t * n + i));
      }
    }
    Action[] actions = new Action[n];
    for (int i = 0; i < n; i++) {
      actions[i] = actor.space().action(taken[i]);
    }
    batch.step(actions);
    r.answered(t, batch.rewards(), batch.terminated(), batch.truncated());
    for (int i = 0; i < n; i++) {
      senses.record(i, taken[i], batch.rewards()[i], batch.terminated()[i] || batch.truncated()[i]);
    }
    return taken;
  }

  /**
   * Writes the expert's labels of step {@code t} into {@code r} when the learner asks for them;
   * returns the expert's action on every instance (null where it has no answer), or null when
   * not asked.
   */
  private byte[][] label(Rollout r, int t) {
    if (expert == null && textExpert == null) {
      return null;
    }
    byte[][] moves = new byte[batch.size()][];
    for (int i = 0; i < moves.length; i++) {
      if (textExpert != null) {
        byte[] text = textExpert.expertText(i);
        r.answer(t, i, text);
        moves[i] = text.length == 0 ? null : text;
        continue;
      }
      byte b = expert.expertAction(i);
      int label = actor.space().indexOf(b);
      if (label < 0) {
        throw new IllegalStateException("the expert of " + batch.spec().world()
            + " chose a byte outside its action alphabet");
      }
      r.label(t, i, label);
      moves[i] = new byte[] {b};
    }
    return moves;
  }

  /** Writes the value estimates of what the batch shows now into {@code r} (PPO bootstraps from them). */
  public void finish(Rollout r) {
    List<BrainInput> now = senses.inputs(batch, batch.size());
    r.lastValues(actor.values(brain, now));
  }

  /** What instance {@code i} perceives now. */
  public BrainInput input(int i) {
    return senses.input(batch.observation(i), i);
  }
}
