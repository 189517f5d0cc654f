package io.vivarium.colony.runtime;

import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.rl.Encoding;
import io.vivarium.brain.rl.Ppo;
import io.vivarium.brain.rl.PpoOptions;
import io.vivarium.bus.Bus;
import io.vivarium.bus.MqttBus;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The main job: a population of agents learning in a world, each with its own brain and PPO
 * learner over its own batch of worlds, taking turns on one thread (training steps are
 * serialised anyway: DJL's gradient collector is process-wide). Every turn's numbers go to the
 * registry; every agent's brain is checkpointed every {@code colony.checkpointSeconds} and at
 * shutdown. Started on a data directory that already holds a colony, it resumes every alive
 * agent from its newest checkpoint that verifies.
 *
 * <p>Replication (seed 003, population-based training): after every {@code colony.replicateEvery}
 * episodes an agent at least as fit as the colony's median has a child, its brain copied and
 * every weight perturbed by Gaussian noise of deviation {@code colony.mutationSigma}. Above
 * {@code colony.maxAgents} the least fit agent past its first {@code colony.protectTurns} turns
 * dies (kept in the registry and lineage, its checkpoints kept).
 *
 * <p>With {@code bus.enabled} the colony publishes every event on the MQTT bus (an embedded
 * broker, or {@code bus.url}) and takes people's rewards from each agent's
 * {@code reward:from_parent} topic: they add to the agent's fitness (seed 003's user
 * feedback). Not thread-safe: {@link #run} drives it, {@link #stop()} may be called from any
 * thread.
 */
public final class Colony implements AutoCloseable {
  /** Steps per environment in one turn of an agent: short, so turns interleave and stops are quick. */
  static final int TURN_STEPS = 32;

  private final DataDir dir;
  private final VivariumConfig config;
  private final Registry registry;
  private final CheckpointStore store;
  private final byte[] configHash;
  private final List<LiveAgent> agents = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Consumer<String> log;
  private final Bus bus;
  private final MemoryLink memory;
  /** People's rewards per agent, added by the bus's threads and taken at the agent's next turn. */
  private final Map<String, Double> pendingRewards = new ConcurrentHashMap<>();
  private int lastId;
  private boolean closed;

  /** Opens (or creates) the colony in {@code dir} with {@code config}; {@code log} receives status lines. */
  public Colony(DataDir dir, VivariumConfig config, Consumer<String> log) {
    this.dir = dir;
    this.config = config;
    this.log = log;
    WorldFactory world = Worlds.get(config.world().name());
    if (!world.presets().contains(config.world().preset())) {
      throw new IllegalArgumentException("world.preset '" + config.world().preset() + "' is not a preset of "
          + world.name() + "; known presets: " + world.presets());
    }
    if (!config.learn().method().equals("ppo")) {
      throw new IllegalArgumentException("vivarium run trains with learn.method=ppo for now; got '"
          + config.learn().method() + "' (bc, grpo and bc+ppo are available in 'vivarium train gold')");
    }
    dir.writeConfig(config);
    this.registry = Registry.open(dir.registry());
    this.store = dir.checkpoints();
    this.configHash = HexFormat.of().parseHex(ConfigResolver.hash(config));
    registry.recordStart(config.colony().name(), config.colony().seed(), ConfigResolver.toToml(config, true),
        ConfigResolver.hash(config));
    Torch.start(config.brain().threads(), dir.root());
    this.bus = config.bus().enabled() ? MqttBus.open(config.bus(), config.colony().name()) : null;
    if (bus != null) {
      log.accept("bus: " + bus.url() + " (topics " + bus.schema().everything() + ")");
      bus.onRewardFromParent("+", (agent, reward) -> pendingRewards.merge(agent, reward, Double::sum));
    }
    this.memory = MemoryLink.open(dir, config);
    populate();
  }

  /** Records an event in the registry and publishes it on the bus. */
  private void event(Event e) {
    registry.addEvent(e);
    if (bus != null) {
      bus.publishEvent(e);
    }
  }

  /** Asks {@link #run} to stop after the current turn; safe from any thread. */
  public void stop() {
    stop.set(true);
  }

  /** The alive agents' ids. */
  public List<String> agentIds() {
    return agents.stream().map(a -> a.id).toList();
  }

  /** Runs turns until {@code seconds} have passed (0 = until stopped), then checkpoints every agent. */
  public void run(long seconds) {
    rounds(seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Runs exactly {@code n} rounds (unless stopped), then checkpoints every agent. */
  public void runRounds(long n) {
    rounds(Long.MAX_VALUE, n);
  }

  private void rounds(long deadline, long maxRounds) {
    long start = System.nanoTime();
    long stepsAtStart = totalSteps();
    for (long round = 1; round <= maxRounds && !stop.get() && System.nanoTime() < deadline; round++) {
      for (LiveAgent a : List.copyOf(agents)) {
        if (stop.get()) {
          break;
        }
        if (agents.contains(a)) {
          turn(a);
          replicate(a);
          cull();
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      log.accept(statusLine(round, (totalSteps() - stepsAtStart) / Math.max(elapsed, 1e-9)));
    }
    for (LiveAgent a : agents) {
      checkpoint(a);
    }
  }

  // 1. One turn: a short PPO iteration, its numbers to the registry, a checkpoint when due.
  private void turn(LiveAgent a) {
    memory.beforeTurn(a);
    Ppo.Stats s = a.learner.iterate();
    a.turns++;
    a.envSteps += (long) TURN_STEPS * a.worlds.size();
    Double given = pendingRewards.remove(a.id);
    if (given != null) {
      a.humanReward += given;
      registry.addMetric(a.id, a.envSteps, "human_reward", a.humanReward);
      event(Event.now("reward", a.id, String.format(Locale.ROOT, "{\"reward\":%s,\"total\":%s}", given, a.humanReward)));
    }
    if (!Double.isNaN(s.meanReturn())) {
      a.fitness = s.meanReturn() + a.humanReward;
      a.successRate = s.successRate();
    }
    memory.afterTurn(a);
    registry.addMetric(a.id, a.envSteps, "return", a.fitness);
    registry.addMetric(a.id, a.envSteps, "success", a.successRate);
    if (System.nanoTime() - a.lastCheckpointNanos >= config.colony().checkpointSeconds() * 1_000_000_000L) {
      checkpoint(a);
    }
  }

  // 2. Replication and selection.
  private void replicate(LiveAgent a) {
    long episodes = a.learner.episodes().episodes();
    if (episodes - a.episodesAtLastBirth < config.colony().replicateEvery() || a.fitness < medianFitness()) {
      return;
    }
    a.episodesAtLastBirth = episodes;
    String id = nextId();
    double sigma = config.colony().mutationSigma();
    long seed = Seeds.derive(config.colony().seed(), "mutation", lastId);
    TorchBrain brain = a.brain.copy();
    brain.mutate(sigma, seed);
    LiveAgent child = live(id, a.id, a.generation + 1, brain, 0, lastId);
    registry.putAgent(row(child, "alive", 0));
    event(Event.now("birth", id, String.format(Locale.ROOT,
        "{\"parent\":\"%s\",\"generation\":%d,\"sigma\":%s,\"seed\":%d}", a.id, child.generation, sigma, seed)));
    checkpoint(child);
  }

  private void cull() {
    while (agents.size() > config.colony().maxAgents()) {
      LiveAgent worst = null;
      for (LiveAgent a : agents) {
        if (a.turns >= config.colony().protectTurns() && (worst == null || a.fitness < worst.fitness)) {
          worst = a;
        }
      }
      if (worst == null) {
        return; // everyone is still protected; the cap waits a turn
      }
      checkpoint(worst);
      registry.putAgent(row(worst, "dead", System.currentTimeMillis()));
      event(Event.now("death", worst.id, String.format(Locale.ROOT,
          "{\"reason\":\"population cap\",\"fitness\":%.6f}", worst.fitness)));
      agents.remove(worst);
      worst.close();
    }
  }

  private double medianFitness() {
    double[] f = agents.stream().mapToDouble(x -> x.fitness).sorted().toArray();
    return f.length % 2 == 1 ? f[f.length / 2] : (f[f.length / 2 - 1] + f[f.length / 2]) / 2;
  }

  private String nextId() {
    lastId++;
    return String.format(Locale.ROOT, "a%04d", lastId);
  }

  private void checkpoint(LiveAgent a) {
    byte[] payload;
    try {
      payload = a.brain.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the brain of " + a.id + ": " + e.getMessage(), e);
    }
    Checkpoint c = store.write(a.id, a.envSteps, a.fitness, configHash, payload);
    registry.addCheckpoint(a.id, c.step(), dir.root().relativize(c.file()).toString(), c.sha256Hex(), c.fileSize(),
        c.fitness(), c.createdMillis());
    registry.putAgent(row(a, "alive", 0));
    event(Event.now("checkpoint", a.id, "{\"step\":" + c.step() + "}"));
    a.lastCheckpointNanos = System.nanoTime();
  }

  // 3. Birth or resume: founders at the first start, every alive agent from its checkpoint later.
  private void populate() {
    List<AgentRow> known = registry.agents();
    for (AgentRow r : known) {
      if (r.id().matches("a\\d+")) {
        lastId = Math.max(lastId, Integer.parseInt(r.id().substring(1)));
      }
    }
    if (known.isEmpty()) {
      for (int i = 1; i <= config.colony().agents(); i++) {
        String id = nextId();
        TorchBrain brain = TorchBrain.create(config.brain(), Seeds.derive(config.colony().seed(), "brain", i));
        LiveAgent a = live(id, null, 0, brain, 0, i);
        registry.putAgent(row(a, "alive", 0));
        event(Event.now("birth", id, "{\"parent\":null,\"generation\":0}"));
        checkpoint(a);
      }
      return;
    }
    for (AgentRow r : known) {
      if (!r.state().equals("alive")) {
        continue;
      }
      Optional<CheckpointStore.Loaded> latest = store.latest(r.id(),
          d -> log.accept("skipping damaged checkpoint: " + d.reason()));
      if (latest.isEmpty()) {
        throw new IllegalStateException("agent " + r.id() + " is alive in the registry but has no checkpoint that "
            + "verifies under " + store.root() + "; restore one or mark the agent dead");
      }
      Checkpoint c = latest.get().checkpoint();
      TorchBrain brain = TorchBrain.fromBytes(latest.get().payload(), c.file().toString());
      LiveAgent a = live(r.id(), r.parent(), r.generation(), brain, c.step(), agents.size() + 1);
      a.fitness = c.fitness();
      a.bornMillis = r.bornMillis();
      event(Event.now("resume", r.id(), "{\"step\":" + c.step() + "}"));
    }
    if (agents.isEmpty()) {
      throw new IllegalStateException("the colony in " + dir.root() + " has no alive agent to resume");
    }
  }

  private LiveAgent live(String id, String parent, int generation, TorchBrain brain, long steps, long index) {
    WorldFactory f = Worlds.get(config.world().name());
    WorldBatch worlds = f.batch(config.world().preset(), config.world().batch());
    Curricula.attach(worlds, config.world().preset());
    PpoOptions o = PpoOptions.defaults(0);
    o = new PpoOptions(worlds.size(), TURN_STEPS, Math.min(o.minibatch(), worlds.size() * TURN_STEPS), o.epochs(),
        config.learn().lr(), o.clip(), o.gamma(), o.lambda(), o.entropy(), o.valueCoef(), o.maxGradNorm(), false, 0);
    long seed = Seeds.derive(config.colony().seed(), "learner", index * 1_000_003L + steps);
    LiveAgent a = new LiveAgent(id, parent, generation, brain, worlds,
        new Ppo(brain, worlds, memory.encoding(Encoding.defaults(), worlds.spec(), brain.shape().block()), o, seed),
        steps);
    agents.add(a);
    return a;
  }

  private AgentRow row(LiveAgent a, String state, long diedMillis) {
    return new AgentRow(a.id, a.parent, a.generation, state, config.world().preset(), config.brain().preset(),
        a.fitness, a.bornMillis, diedMillis, null);
  }

  private long totalSteps() {
    long s = 0;
    for (LiveAgent a : agents) {
      s += a.envSteps;
    }
    return s;
  }

  private String statusLine(long round, double stepsPerSecond) {
    LiveAgent best = agents.get(0);
    double success = 0;
    int generation = 0;
    for (LiveAgent a : agents) {
      best = a.fitness > best.fitness ? a : best;
      success += a.successRate;
      generation = Math.max(generation, a.generation);
    }
    String parent = best.parent == null ? "" : ", parent " + best.parent;
    return String.format(Locale.ROOT, "round %d · gen %d · agents %d · success %.0f%% · best %s (%.3f%s) · %.0f steps/s",
        round, generation, agents.size(), 100 * success / agents.size(), best.id, best.fitness, parent, stepsPerSecond);
  }

  /** Checkpoints nothing more; closes agents and the registry. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (LiveAgent a : agents) {
      a.close();
    }
    if (bus != null) {
      bus.close();
    }
    memory.close();
    registry.close();
  }
}
