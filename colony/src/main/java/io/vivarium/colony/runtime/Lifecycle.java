package io.vivarium.colony.runtime;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.learn.Collector;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Senses;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.LearnConfig;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.world.Curriculum;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Worlds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's life in a {@link Colony}: birth in memory (its world batch, senses, learner),
 * resume from its newest verified checkpoint, the switch of learner between phases,
 * checkpoints, and hibernation, waking, failure and death, each recorded in the registry and as
 * an event. Driven by the colony's thread; not thread-safe.
 */
final class Lifecycle {
  private static final Logger logger = LoggerFactory.getLogger(Lifecycle.class);
  private final Colony colony;

  Lifecycle(Colony colony) {
    this.colony = colony;
  }

  // 1. Into memory: a new agent with its worlds and the learner of its phase.

  /**
   * A new agent in memory; {@code founder} when it is one of this colony's own first agents (a
   * {@code bc+ppo} or {@code bc+grpo} founder clones the expert while younger than {@code colony.bcSteps}); its
   * curriculum starts at {@code level}.
   */
  LiveAgent live(String id, String parent, int generation, TorchBrain brain, long steps, long index, Hparams h,
      boolean founder, int level) {
    WorldBatch worlds = Worlds.of(colony.config.world()).batch(colony.config.world().preset(),
        colony.config.world().batch(), colony.worldContext.forAgent(id));
    if (worlds instanceof Curriculum c) {
      c.startCurriculum(level);
    }
    LiveAgent a = new LiveAgent(id, parent, generation, brain, worlds, h, steps);
    a.learnerSeed = Seeds.derive(colony.config.colony().seed(), "learner", index * 1_000_003L + steps);
    startLearner(a, Methods.firstPhase(colony.method, founder, steps, colony.config.colony().bcSteps()));
    colony.agents.add(a);
    return a;
  }

  /** Gives {@code a} the learner of {@code phase} on its freshly reset worlds; episode counts go on. */
  void startLearner(LiveAgent a, LearnMethod phase) {
    if (a.learner != null) {
      a.learner.close();
    }
    LearnConfig c = colony.config.learn().withLr(a.hparams.lr())
        .withPpo(colony.config.learn().ppo().withEntropy(a.hparams.entropy()));
    WorldBatch seen = TalkBatch.wrap(a.worlds, colony.config.bus().textBytes(), () -> a.textIn);
    BrainFit fit = BrainFit.of(colony.config, seen.spec());
    long seed = Seeds.derive(a.learnerSeed, phase.key(), a.envSteps);
    a.phase = phase;
    a.learner = colony.learners.make(a.id, phase, a.brain, c, seen.size(), seed);
    a.learner.colonyCounts(colony.worldContext.counts()::snapshot);
    // the brain's own group: an agent born before brains read groups keeps one token per position
    a.senses = new Senses(seen.spec(), fit.encoding(phase).withGroup(a.brain.shape().group()), seen.size());
    Actor actor = new Actor(ActionSpace.of(seen.spec()), c.grpo().temperature());
    a.collector = new Collector(a.brain, seen, a.senses, actor, a.learner.needs(), Seeds.random(seed, "actions", 0));
    seen.reset(Seeds.derive(seed, "worlds"), a.learner.needs().group());
    long before = a.episodes == null ? 0 : a.episodes.episodes();
    int driven = a.learner.needs().brainDriven();
    a.episodes = new EpisodeTracker(a.worlds, colony.config.world().name(), colony.config.world().preset(),
        Math.max(1, driven));
    a.episodes.restore(before, new double[0], new boolean[0]);
  }

  // 2. Checkpoints.

  void checkpoint(LiveAgent a) {
    byte[] payload;
    try {
      payload = a.brain.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the brain of " + a.id + ": " + e.getMessage(), e);
    }
    Checkpoint c = colony.store.write(a.id, a.envSteps, a.fitness, colony.configHash, payload,
        LearnerState.of(a, colony.configToml).encode());
    colony.registry.addCheckpoint(a.id, c.step(), colony.dir.relative(c.file()), c.sha256Hex(),
        c.fileSize(), c.fitness(), c.createdMillis());
    colony.registry.putAgent(row(a, AgentState.ALIVE, 0, null));
    colony.event(Event.of("checkpoint", a.id, new Events.AtStep(c.step())));
    a.lastCheckpointNanos = System.nanoTime();
  }

  // 3. Out of memory: failure, hibernation, death; back by waking.

  void fail(LiveAgent a, Throwable e) {
    String error = e.getClass().getSimpleName() + ": " + Text.oneLine(e.getMessage());
    logger.warn("agent {} failed", a.id, e);
    colony.log.accept("agent " + a.id + " failed: " + error);
    unload(a);
    colony.placement.left(a.id);
    colony.registry.putAgent(row(a, AgentState.FAILED, 0, error));
    colony.event(Event.of("error", a.id, new Events.Failure(error)));
  }

  void hibernate(LiveAgent a) {
    checkpoint(a);
    unload(a);
    colony.placement.left(a.id);
    colony.registry.putAgent(row(a, AgentState.HIBERNATING, 0, null));
    colony.event(Event.of("hibernate", a.id, new Events.AtStep(a.envSteps)));
  }

  void kill(LiveAgent a, String reason) {
    checkpoint(a);
    unload(a);
    colony.placement.left(a.id);
    colony.registry.putAgent(row(a, AgentState.DEAD, System.currentTimeMillis(), null));
    colony.event(Event.of("death", a.id, new Events.Death(reason, a.fitness)));
  }

  /** Kills an agent that is not in memory (hibernating or failed): its row only. */
  void kill(AgentRow r, String reason) {
    colony.registry.putAgent(r.with(AgentState.DEAD, System.currentTimeMillis(), r.error()));
    colony.event(Event.of("death", r.id(), new Events.Death(reason, r.fitness())));
  }

  void unload(LiveAgent a) {
    colony.agents.remove(a);
    colony.frames.remove(a.id);
    try {
      a.close();
    } catch (RuntimeException e) {
      logger.warn("closing agent {} failed: {}", a.id, e.toString());
    }
  }

  /** Loads a hibernating or failed agent from its newest verified checkpoint. */
  void wake(AgentRow r) {
    LiveAgent a = load(r);
    if (a == null) {
      throw new IllegalStateException(r.id() + " has no checkpoint that verifies");
    }
    colony.registry.putAgent(row(a, AgentState.ALIVE, 0, null));
    colony.event(Event.of("wake", a.id, new Events.AtStep(a.envSteps)));
  }

  /** Records a hibernating or failed agent alive without loading it: the cluster places it on a node. */
  void markAwake(AgentRow r) {
    colony.registry.putAgent(r.with(AgentState.ALIVE, 0, null));
    long step = colony.registry.checkpoints().newest(r.id(), 1).stream().mapToLong(c -> c.step()).findFirst().orElse(0);
    colony.event(Event.of("wake", r.id(), new Events.AtStep(step)));
  }

  // 4. Birth or resume: founders at the first start, every alive agent from its checkpoint later.

  void populate() {
    List<AgentRow> known = colony.registry.agents();
    if (known.isEmpty()) {
      founders();
      return;
    }
    for (AgentRow r : known) {
      if (r.state() == AgentState.ALIVE) {
        resume(r);
      }
    }
  }

  /** Alive agent {@code r} back in memory from its newest verified checkpoint; false (recorded as failed) without one. */
  boolean resume(AgentRow r) {
    LiveAgent a = load(r);
    if (a == null) {
      String error = "no checkpoint that verifies under " + colony.store.root();
      colony.registry.putAgent(r.with(AgentState.FAILED, 0, error));
      colony.event(Event.of("error", r.id(), new Events.Failure(error)));
      colony.log.accept("agent " + r.id() + " cannot resume: " + error);
      return false;
    }
    colony.event(Event.of("resume", r.id(), new Events.AtStep(a.envSteps)));
    return true;
  }

  /** The first agents, {@code a0001} to {@code colony.agents}, in memory, recorded and checkpointed. */
  void founders() {
    Hparams h = new Hparams(colony.config.learn().lr(), colony.config.learn().ppo().entropy());
    BrainFit fit = BrainFit.of(colony.config, colony.spec);
    TorchBrain pretrained = pretrained(fit); // null: fresh brains
    for (int i = 1; i <= colony.config.colony().agents(); i++) {
      String id = String.format(java.util.Locale.ROOT, "a%04d", i);
      long seed = Seeds.derive(colony.config.colony().seed(), "brain", i);
      TorchBrain brain;
      if (pretrained == null) {
        brain = TorchBrain.create(colony.config.brain(), fit.shape(), seed);
      } else {
        brain = pretrained.copy();
        brain.mutate(colony.config.colony().mutationSigma(), seed); // founders differ as siblings do
      }
      LiveAgent a = live(id, null, 0, brain, 0, i, h, true, 1);
      a.fitnessOwn = true;
      colony.registry.putAgent(row(a, AgentState.ALIVE, 0, null));
      colony.event(Event.of("birth", id, new Events.Birth(null, 0, null, null, null, h.lr(), h.entropy(),
          brain.parameterCount(), null)));
      checkpoint(a);
    }
    if (pretrained != null) {
      pretrained.close();
    }
  }

  /** The founders' pretrained brain ({@code colony.founderBrain}), checked; null for fresh brains. */
  private TorchBrain pretrained(BrainFit fit) {
    java.nio.file.Path file = Preflight.founderBrain(colony.config, fit.shape());
    try {
      return file == null ? null : TorchBrain.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read colony.founderBrain=" + file + ": " + e.getMessage(), e);
    }
  }

  /** An agent from its newest checkpoint that verifies, in memory; null when it has none. */
  private LiveAgent load(AgentRow r) {
    Optional<CheckpointStore.Loaded> latest = colony.store.latest(r.id(),
        d -> colony.log.accept("skipping damaged checkpoint: " + d.reason()));
    if (latest.isEmpty()) {
      return null;
    }
    Checkpoint c = latest.get().checkpoint();
    TorchBrain brain = TorchBrain.fromBytes(latest.get().payload(), c.file().toString());
    String birth = Records.birthJson(colony.registry, r.id());
    Hparams h = Hparams.fromJson(birth, new Hparams(colony.config.learn().lr(), colony.config.learn().ppo().entropy()));
    // Only founders clone the expert: this colony's own, and those imported whole from another
    // colony where they were founders (they go on cloning where they left off); any other
    // imported brain has learned elsewhere.
    boolean founder = r.parent() == null && (birth == null || !birth.contains("\"imported_from\"")
        || birth.contains("\"founder\":true"));
    LiveAgent a = live(r.id(), r.parent(), r.generation(), brain, c.step(), colony.agents.size() + 1, h, founder,
        Records.lastLevel(colony.registry, r.id()));
    a.humanReward = Records.humanReward(colony.registry, r.id());
    a.fitness = c.fitness();
    // a newborn never played (its birth checkpoint, step 0): its fitness stays its parent's prior until it has
    a.fitnessOwn = c.step() > 0 || r.parent() == null;
    a.bornMillis = r.bornMillis();
    LearnerState.resume(a, latest.get(), colony.log);
    a.episodesAtLastBirth = a.episodes.episodes(); // a resumed or moved agent waits colony.replicateEvery episodes
    return a;
  }

  /**
   * {@code a}'s registry row; its size is read from its brain now, so a row written after the
   * brain grew or shrank records the new size.
   */
  AgentRow row(LiveAgent a, AgentState state, long diedMillis, String error) {
    return new AgentRow(a.id, a.parent, a.generation, state, colony.config.world().preset(),
        a.sizeLabel(), a.sizeParameters(), a.fitness, a.bornMillis, diedMillis, error);
  }
}
