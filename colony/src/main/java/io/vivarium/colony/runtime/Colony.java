package io.vivarium.colony.runtime;

import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.rl.Encoding;
import io.vivarium.brain.rl.Imitation;
import io.vivarium.brain.rl.Ppo;
import io.vivarium.brain.rl.PpoOptions;
import io.vivarium.bus.Bus;
import io.vivarium.bus.MqttBus;
import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: a population of agents learning in a world, each with its own brain and learner
 * over its own batch of worlds, taking turns on one thread (training steps are serialised
 * anyway: DJL's gradient collector is process-wide). See {@code docs/colony.md}.
 *
 * <p>Lifecycle: an agent is alive (in memory, taking turns), hibernating (checkpointed and
 * unloaded), dead (kept in the registry and lineage, its checkpoints kept) or failed (an
 * exception in its turn: recorded with the error and unloaded; the colony goes on). People's
 * {@linkplain Request requests} are applied at every turn boundary. With no alive agent but
 * some hibernating or failed one, the colony keeps polling requests (a {@code wake} brings
 * one back); with every agent dead it stops.
 *
 * <p>Replication (seed 003, population-based training): after every {@code colony.replicateEvery}
 * episodes an agent whose fitness reaches the {@code colony.replicateQuantile} quantile of the
 * alive agents' has a child: its brain copied, every weight perturbed by Gaussian noise of
 * deviation {@code colony.mutationSigma} and, with {@code colony.perturb}, its learning rate
 * and entropy coefficient each multiplied by 0.8 or 1.2. Above {@code colony.maxAgents} the
 * least fit agent past its first {@code colony.protectTurns} turns dies.
 *
 * <p>Frames ({@link ColonyHandle#frame}): every agent's frame is refreshed at the end of its
 * turns; a watched agent's (asked for within the last 10 s) also after every environment step
 * of its turns, and only a watched agent's frame carries {@code hidden} — its brain's
 * {@code embed} of instance 0's observation at the end of the turn (otherwise empty).
 *
 * <p>With {@code bus.enabled}, {@link BusLink} publishes every agent's channels after each of
 * its turns, and people's rewards and text on the bus become requests.
 *
 * <p>Thread-safety: {@link #run}/{@link #runRounds} drive it from one thread; the
 * {@link ColonyHandle} methods and {@link #stop()} may be called from any thread.
 */
public final class Colony implements ColonyHandle, AutoCloseable {
  /** Steps per environment in one turn of an agent: short, so turns interleave and stops are quick. */
  static final int TURN_STEPS = 32;
  /**
   * While a founder clones the expert, the share of its worlds it plays itself (every state
   * labelled with the expert's move, as in DAgger); the expert plays the rest. The agent's
   * episodes, success and fitness come from its own play only, never the expert's.
   */
  static final double CLONE_DRIVE = 0.5;
  private static final Logger logger = LoggerFactory.getLogger(Colony.class);

  private final DataDir dir;
  private final VivariumConfig config;
  private final ColonyLock lock;
  private Registry registry;
  private CheckpointStore store;
  private byte[] configHash;
  private Bus bus;
  private MemoryLink memory;
  /** The agents' channels on the bus; null without a bus. */
  private BusLink link;
  private final List<LiveAgent> agents = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Consumer<String> log;
  private final Frames frames = new Frames();
  private final RequestDesk desk = new RequestDesk(this);
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private volatile double stepsPerSecond;
  private long roundSteps;
  private int lastId;
  private boolean idleNoted;
  private boolean closed;
  /** Called with the agent's id before each turn (tests inject faults here); may throw. */
  Consumer<String> beforeTurn = id -> { };
  /** Called with the agent's id before each gradient step of its learner (tests watch stops here). */
  Consumer<String> beforeUpdate = id -> { };
  /** Passes over each rollout of a PPO agent. */
  private final int ppoEpochs;

  /**
   * Opens (or creates) the colony in {@code dir} with {@code config}, holding the directory's
   * {@link ColonyLock} until {@link #close()}; {@code log} receives status lines.
   *
   * @throws IllegalStateException when another colony runs in {@code dir}
   * @throws IllegalArgumentException for a configuration this runtime cannot run
   */
  public Colony(DataDir dir, VivariumConfig config, Consumer<String> log) {
    this(dir, config, log, PpoOptions.defaults(0).epochs());
  }

  /** A colony whose PPO learners take {@code ppoEpochs} passes over each rollout (tests make it long). */
  Colony(DataDir dir, VivariumConfig config, Consumer<String> log, int ppoEpochs) {
    this.ppoEpochs = ppoEpochs;
    this.dir = dir;
    this.config = config;
    this.log = log;
    checkConfig(config);
    this.lock = ColonyLock.acquire(dir);
    try {
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
        bus.onRewardFromParent("+", this::rewardFromBus);
        link = new BusLink(bus, config.bus(), this::talkFromBus, this::event, log);
      }
      this.memory = MemoryLink.open(dir, config);
      populate();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static void checkConfig(VivariumConfig config) {
    String method = config.learn().method();
    if (!method.equals("ppo") && !method.equals("bc+ppo")) {
      throw new IllegalArgumentException("vivarium run trains with learn.method=bc+ppo or ppo; got '" + method
          + "' (bc and grpo alone are available in 'vivarium train gold')");
    }
    WorldBatch b;
    try {
      b = Worlds.get(config.world().name()).batch(config.world().preset(), 1); // checks names and modifiers
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("world.preset: " + e.getMessage(), e);
    }
    try (b) {
      if (method.equals("bc+ppo") && !(b instanceof Expert)) {
        throw new IllegalArgumentException("learn.method=bc+ppo clones the world's expert, but "
            + config.world().name() + " has none; use learn.method=ppo");
      }
    }
  }

  // -- ColonyHandle ---------------------------------------------------------------------------

  @Override
  public DataDir dataDir() {
    return dir;
  }

  @Override
  public Optional<AgentFrame> frame(String agent) {
    return frames.get(agent);
  }

  @Override
  public long request(String agent, String action, String arg, String source) {
    Requests.check(registry, agent, action, arg, source);
    return registry.addRequest(agent, action, arg == null ? "" : arg, source);
  }

  @Override
  public AutoCloseable onEvent(Consumer<Event> listener) {
    java.util.Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public double stepsPerSecond() {
    return stepsPerSecond;
  }

  /** People's rewards from the bus take the same path as every request. */
  private void rewardFromBus(String agent, double reward) {
    try {
      request(agent, "reward", Double.toString(reward), "bus");
    } catch (IllegalArgumentException e) {
      logger.warn("ignoring a reward from the bus: {}", e.getMessage());
    }
  }

  /** People's text from the bus takes the same path as every request. */
  private void talkFromBus(String agent, String text) {
    try {
      request(agent, "talk", text, "bus");
    } catch (IllegalArgumentException e) {
      logger.warn("ignoring text from the bus: {}", e.getMessage());
    }
  }

  /** Records an event in the registry, publishes it on the bus and tells the listeners. */
  void event(Event e) {
    registry.addEvent(e);
    if (link != null) {
      link.event(e);
    }
    for (Consumer<Event> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        logger.warn("removing an event listener that threw: {}", ex.toString());
        listeners.remove(l);
      }
    }
  }

  /**
   * Asks {@link #run} to stop: the current turn ends at its next environment step or gradient
   * step, then every agent is checkpointed; safe from any thread.
   */
  public void stop() {
    stop.set(true);
  }

  /** The alive agents' ids. */
  public List<String> agentIds() {
    return agents.stream().map(a -> a.id).toList();
  }

  Registry registry() {
    return registry;
  }

  VivariumConfig config() {
    return config;
  }

  Frames frames() {
    return frames;
  }

  /** The hyper-parameters of an agent in memory (for tests). */
  Optional<Hparams> hparams(String agent) {
    return Optional.ofNullable(find(agent)).map(a -> a.hparams);
  }

  /** The learning phase of an agent in memory, {@code bc} or {@code ppo} (for tests). */
  Optional<String> phase(String agent) {
    return Optional.ofNullable(find(agent)).map(LiveAgent::phase);
  }

  // -- the loop -------------------------------------------------------------------------------

  /** Runs turns until {@code seconds} have passed (0 = until stopped), then checkpoints every agent. */
  public void run(long seconds) {
    rounds(seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** Runs exactly {@code n} rounds (unless stopped), then checkpoints every agent. */
  public void runRounds(long n) {
    rounds(Long.MAX_VALUE, n);
  }

  private void rounds(long deadline, long maxRounds) {
    for (long round = 1; round <= maxRounds && !stop.get() && System.nanoTime() < deadline; round++) {
      long start = System.nanoTime();
      roundSteps = 0;
      applyRequests();
      if (agents.isEmpty() && !idle()) {
        break;
      }
      for (LiveAgent a : List.copyOf(agents)) {
        if (stop.get() || System.nanoTime() >= deadline) {
          break;
        }
        if (agents.contains(a)) {
          safeTurn(a);
          applyRequests();
        }
      }
      if (!agents.isEmpty()) {
        stepsPerSecond = roundSteps / Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        roundRecords();
      }
    }
    for (LiveAgent a : List.copyOf(agents)) {
      checkpoint(a);
    }
  }

  /** With no alive agent: waits for a request when one could wake, else says why it stops. */
  private boolean idle() {
    var states = registry.agentsByState();
    if (states.get(AgentState.HIBERNATING) + states.get(AgentState.FAILED) == 0) {
      log.accept("every agent of this colony is dead; nothing to run");
      return false;
    }
    if (!idleNoted) {
      log.accept("no alive agent; waiting for requests (e.g. vivarium wake AGENT)");
      idleNoted = true;
    }
    stepsPerSecond = 0;
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    }
    return true;
  }

  /** Thrown from the step observer to end a turn at once when the colony is asked to stop. */
  private static final class TurnStopped extends RuntimeException {
    TurnStopped() {
      super("stopping", null, false, false);
    }
  }

  private void safeTurn(LiveAgent a) {
    try {
      turn(a);
      if (!stop.get()) { // a stopping colony checkpoints and leaves; births and deaths can wait
        replicate(a);
        cull();
      }
    } catch (TurnStopped e) {
      Records.addEpisodes(registry, a.id, a.episodes.drain()); // the rest of the rollout is dropped
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
        throw e;
      }
      fail(a, e);
    }
  }

  // 1. One turn: a short iteration of the agent's learner, its numbers to the registry.
  private void turn(LiveAgent a) {
    beforeTurn.accept(a.id);
    if (a.imitation != null) {
      a.imitation.iterate();
      if (a.envSteps >= config.colony().bcSteps()) {
        a.imitation.close();
        a.imitation = null;
        startPpo(a, a.envSteps);
      }
    } else {
      memory.beforeTurn(a);
      a.ppo.iterate();
    }
    a.turns++;
    Records.addEpisodes(registry, a.id, a.episodes.drain());
    if (!Double.isNaN(a.episodes.meanReturn())) {
      a.fitness = a.episodes.meanReturn() + a.humanReward;
      a.successRate = a.episodes.successRate();
    }
    memory.afterTurn(a);
    registry.addMetric(a.id, a.envSteps, "return", a.fitness);
    if (!Double.isNaN(a.successRate)) {
      registry.addMetric(a.id, a.envSteps, "success", a.successRate);
    }
    frames.put(frame(a, frames.watched(a.id)));
    if (link != null) {
      link.afterTurn(a);
    }
    if (System.nanoTime() - a.lastCheckpointNanos >= config.colony().checkpointSeconds() * 1_000_000_000L) {
      checkpoint(a);
    }
  }

  /** After every environment step of an agent's turn: counters, episodes, a watched agent's frame. */
  private void afterStep(LiveAgent a, byte[] motor) {
    if (stop.get()) {
      throw new TurnStopped();
    }
    a.envSteps += a.worlds.size();
    roundSteps += a.worlds.size();
    a.episodes.afterStep(motor);
    if (link != null) {
      link.afterStep(a, motor);
    }
    if (frames.watched(a.id)) {
      frames.put(frame(a, false));
    }
  }

  AgentFrame frame(LiveAgent a, boolean hidden) {
    return new AgentFrame(a.id, AgentState.ALIVE.key(), a.envSteps, a.episodes.episodes(), a.fitness, a.worlds.observation(0),
        a.episodes.lastAction(), a.episodes.lastReward(), a.textIn, a.textOut,
        hidden ? a.brain.embed(a.input0()) : new float[0], System.currentTimeMillis());
  }

  // 2. Lifecycle.
  private void fail(LiveAgent a, Throwable e) {
    String error = e.getClass().getSimpleName() + ": " + Text.oneLine(e.getMessage());
    logger.warn("agent {} failed", a.id, e);
    log.accept("agent " + a.id + " failed: " + error);
    unload(a);
    registry.putAgent(row(a, AgentState.FAILED, 0, error));
    event(Event.now("error", a.id, "{\"error\":" + Text.quote(error) + "}"));
  }

  void hibernate(LiveAgent a) {
    checkpoint(a);
    unload(a);
    registry.putAgent(row(a, AgentState.HIBERNATING, 0, null));
    event(Event.now("hibernate", a.id, String.format(Locale.ROOT, "{\"step\":%d}", a.envSteps)));
  }

  void kill(LiveAgent a, String reason) {
    checkpoint(a);
    unload(a);
    registry.putAgent(row(a, AgentState.DEAD, System.currentTimeMillis(), null));
    event(Event.now("death", a.id, String.format(Locale.ROOT, "{\"reason\":%s,\"fitness\":%.6f}", Text.quote(reason),
        a.fitness)));
  }

  /** Kills an agent that is not in memory (hibernating or failed): its row only. */
  void kill(AgentRow r, String reason) {
    registry.putAgent(new AgentRow(r.id(), r.parent(), r.generation(), AgentState.DEAD, r.world(), r.brainSpec(),
        r.fitness(), r.bornMillis(), System.currentTimeMillis(), r.error()));
    event(Event.now("death", r.id(), String.format(Locale.ROOT, "{\"reason\":%s,\"fitness\":%.6f}", Text.quote(reason),
        r.fitness())));
  }

  private void unload(LiveAgent a) {
    agents.remove(a);
    frames.remove(a.id);
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
    registry.putAgent(row(a, AgentState.ALIVE, 0, null));
    event(Event.now("wake", a.id, String.format(Locale.ROOT, "{\"step\":%d}", a.envSteps)));
    idleNoted = false;
  }

  // 3. Requests, at every turn boundary (RequestDesk applies them through the methods above).
  private void applyRequests() {
    desk.applyPending();
  }

  /** The agent in memory with {@code id}, or null. */
  LiveAgent find(String id) {
    for (LiveAgent a : agents) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    return null;
  }

  // 4. Replication and selection.
  private void replicate(LiveAgent a) {
    if (!agents.contains(a)) {
      return;
    }
    long episodes = a.episodes.episodes();
    if (episodes - a.episodesAtLastBirth < config.colony().replicateEvery()
        || a.fitness < quantileFitness(config.colony().replicateQuantile()) || !roomForChild()) {
      return;
    }
    a.episodesAtLastBirth = episodes;
    birth(a, config.colony().mutationSigma(), config.colony().perturb(), "replication");
  }

  void birth(LiveAgent parent, double sigma, boolean perturb, String via) {
    String id = nextId();
    long seed = Seeds.derive(config.colony().seed(), "mutation", lastId);
    TorchBrain brain = parent.brain.copy();
    if (sigma > 0) {
      brain.mutate(sigma, seed);
    }
    Hparams h = perturb ? parent.hparams.perturbed(Seeds.random(seed, "hparams", 0)) : parent.hparams;
    LiveAgent child = live(id, parent.id, parent.generation + 1, brain, 0, lastId, h, false,
        Curricula.level(parent.worlds));
    registry.putAgent(row(child, AgentState.ALIVE, 0, null));
    event(Event.now("birth", id, String.format(Locale.ROOT,
        "{\"parent\":\"%s\",\"generation\":%d,\"sigma\":%s,\"seed\":%d,\"via\":\"%s\",%s}", parent.id,
        child.generation, sigma, seed, via, h.json())));
    checkpoint(child);
  }

  /** Whether a child fits: below the cap, or some agent is past its protection and may be culled. */
  private boolean roomForChild() {
    if (agents.size() < config.colony().maxAgents()) {
      return true;
    }
    for (LiveAgent a : agents) {
      if (a.turns >= config.colony().protectTurns()) {
        return true;
      }
    }
    return false;
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
      kill(worst, "population cap");
    }
  }

  /** The {@code q} quantile (nearest rank) of the alive agents' fitness. */
  private double quantileFitness(double q) {
    double[] f = agents.stream().mapToDouble(x -> x.fitness).sorted().toArray();
    int k = (int) Math.ceil(q * f.length) - 1;
    return f[Math.max(0, Math.min(f.length - 1, k))];
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
    Checkpoint c = store.write(a.id, a.envSteps, a.fitness, configHash, payload, LearnerState.of(a).encode());
    registry.addCheckpoint(a.id, c.step(), dir.root().relativize(c.file()).toString(), c.sha256Hex(), c.fileSize(),
        c.fitness(), c.createdMillis());
    registry.putAgent(row(a, AgentState.ALIVE, 0, null));
    event(Event.now("checkpoint", a.id, "{\"step\":" + c.step() + "}"));
    a.lastCheckpointNanos = System.nanoTime();
  }

  // 5. Birth or resume: founders at the first start, every alive agent from its checkpoint later.
  private void populate() {
    List<AgentRow> known = registry.agents();
    for (AgentRow r : known) {
      if (r.id().matches("a\\d+")) {
        lastId = Math.max(lastId, Integer.parseInt(r.id().substring(1)));
      }
    }
    if (known.isEmpty()) {
      Hparams h = new Hparams(config.learn().lr(), Hparams.DEFAULT_ENTROPY);
      for (int i = 1; i <= config.colony().agents(); i++) {
        String id = nextId();
        TorchBrain brain = TorchBrain.create(config.brain(), Seeds.derive(config.colony().seed(), "brain", i));
        LiveAgent a = live(id, null, 0, brain, 0, i, h, config.learn().method().equals("bc+ppo"), 1);
        registry.putAgent(row(a, AgentState.ALIVE, 0, null));
        event(Event.now("birth", id, "{\"parent\":null,\"generation\":0," + h.json() + "}"));
        checkpoint(a);
      }
      return;
    }
    for (AgentRow r : known) {
      if (r.state() == AgentState.ALIVE) {
        LiveAgent a = load(r);
        if (a == null) {
          String error = "no checkpoint that verifies under " + store.root();
          registry.putAgent(new AgentRow(r.id(), r.parent(), r.generation(), AgentState.FAILED, r.world(), r.brainSpec(),
              r.fitness(), r.bornMillis(), 0, error));
          event(Event.now("error", r.id(), "{\"error\":" + Text.quote(error) + "}"));
          log.accept("agent " + r.id() + " cannot resume: " + error);
        } else {
          event(Event.now("resume", r.id(), "{\"step\":" + a.envSteps + "}"));
        }
      }
    }
  }

  /** An agent from its newest checkpoint that verifies, in memory; null when it has none. */
  private LiveAgent load(AgentRow r) {
    Optional<CheckpointStore.Loaded> latest = store.latest(r.id(),
        d -> log.accept("skipping damaged checkpoint: " + d.reason()));
    if (latest.isEmpty()) {
      return null;
    }
    Checkpoint c = latest.get().checkpoint();
    TorchBrain brain = TorchBrain.fromBytes(latest.get().payload(), c.file().toString());
    String birth = Records.birthJson(registry, r.id());
    Hparams h = Hparams.fromJson(birth, new Hparams(config.learn().lr(), Hparams.DEFAULT_ENTROPY));
    // Only this colony's founders clone the expert; an imported brain has learned elsewhere.
    boolean bc = config.learn().method().equals("bc+ppo") && r.parent() == null
        && (birth == null || !birth.contains("\"imported_from\""));
    LiveAgent a = live(r.id(), r.parent(), r.generation(), brain, c.step(), agents.size() + 1, h, bc,
        Records.lastLevel(registry, r.id()));
    a.humanReward = Records.humanReward(registry, r.id());
    a.fitness = c.fitness();
    a.bornMillis = r.bornMillis();
    LearnerState.resume(a, latest.get(), log);
    return a;
  }

  /**
   * A new agent in memory with its world batch and learner; {@code clone} when it should first
   * clone the world's expert (a {@code bc+ppo} founder younger than {@code colony.bcSteps});
   * its curriculum starts at {@code level}.
   */
  private LiveAgent live(String id, String parent, int generation, TorchBrain brain, long steps, long index,
      Hparams h, boolean clone, int level) {
    WorldFactory f = Worlds.get(config.world().name());
    WorldBatch worlds = f.batch(config.world().preset(), config.world().batch());
    Curricula.attach(worlds, config.world().preset(), level);
    LiveAgent a = new LiveAgent(id, parent, generation, brain, worlds, h, steps);
    a.learnerSeed = Seeds.derive(config.colony().seed(), "learner", index * 1_000_003L + steps);
    if (clone && steps < config.colony().bcSteps()) {
      Imitation.Options d = Imitation.Options.defaults(false);
      Imitation.Options o = new Imitation.Options(TURN_STEPS, d.minibatch(), d.updates(), d.lr(),
          d.maxGradNorm(), CLONE_DRIVE, d.buffer());
      a.imitation = new Imitation(brain, seen(a), Encoding.defaults(), o, a.learnerSeed);
      follow(a, Math.max(1, o.driven(worlds.size())));
    } else {
      startPpo(a, steps);
    }
    agents.add(a);
    return a;
  }

  private void startPpo(LiveAgent a, long steps) {
    PpoOptions o = PpoOptions.defaults(0);
    int n = a.worlds.size();
    o = new PpoOptions(n, TURN_STEPS, Math.min(o.minibatch(), n * TURN_STEPS), ppoEpochs, a.hparams.lr(),
        o.clip(), o.gamma(), o.lambda(), a.hparams.entropy(), o.valueCoef(), o.maxGradNorm(), false, 0);
    WorldBatch seen = seen(a);
    Encoding e = memory.encoding(Encoding.defaults(), seen.spec(), a.brain.shape().block());
    a.ppo = new Ppo(a.brain, seen, e, o, Seeds.derive(a.learnerSeed, "ppo", steps));
    follow(a, n);
  }

  /**
   * Follows the episodes of the first {@code driven} instances of the agent's freshly reset
   * batch (those the agent itself plays) through its new learner's steps.
   */
  private void follow(LiveAgent a, int driven) {
    long before = a.episodes == null ? 0 : a.episodes.episodes(); // the count goes on across learners
    a.episodes = new EpisodeTracker(a.worlds, config.world().name(), config.world().preset(), driven);
    a.episodes.restore(before, new double[0], new boolean[0]);
    a.observe(motor -> afterStep(a, motor));
    a.stopCheck(() -> stopBeforeUpdate(a));
  }

  /** Asked by an agent's learner before each gradient step: whether the colony is stopping. */
  private boolean stopBeforeUpdate(LiveAgent a) {
    beforeUpdate.accept(a.id);
    return stop.get();
  }

  /** The agent's worlds as its learner sees them: with people's text when bus.textBytes > 0. */
  private WorldBatch seen(LiveAgent a) {
    return TalkBatch.wrap(a.worlds, config.bus().textBytes(), () -> a.textIn);
  }

  private AgentRow row(LiveAgent a, AgentState state, long diedMillis, String error) {
    return new AgentRow(a.id, a.parent, a.generation, state, config.world().preset(), config.brain().preset(),
        a.fitness, a.bornMillis, diedMillis, error);
  }

  // 6. Per round: the colony's numbers and its status line.
  private void roundRecords() {
    long total = 0;
    for (LiveAgent a : agents) {
      total += a.envSteps;
    }
    double median = StatusLine.median(agents.stream().mapToDouble(a -> a.successRate).toArray());
    registry.addMetric("colony", total, "steps_per_second", stepsPerSecond);
    registry.addMetric("colony", total, "median_success", median);
    LiveAgent best = agents.get(0);
    for (LiveAgent a : agents) {
      best = a.fitness > best.fitness ? a : best;
    }
    var states = registry.agentsByState();
    int generation = registry.maxGeneration();
    log.accept(StatusLine.format(generation, states.get(AgentState.ALIVE) + states.get(AgentState.HIBERNATING),
        states.get(AgentState.HIBERNATING), median, best.id, best.parent, stepsPerSecond)
        + (link == null ? "" : link.status()));
  }

  /** Closes agents, the bus and the registry and releases the lock; checkpoints nothing more. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (LiveAgent a : List.copyOf(agents)) {
      unload(a);
    }
    try {
      if (bus != null) {
        bus.close();
      }
      if (memory != null) {
        memory.close();
      }
      if (registry != null) {
        registry.close();
      }
    } finally {
      lock.close();
    }
  }
}
