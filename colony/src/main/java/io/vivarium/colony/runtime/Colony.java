package io.vivarium.colony.runtime;

import io.vivarium.brain.Torch;
import io.vivarium.bus.Bus;
import io.vivarium.bus.MqttBus;
import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.LocalFactBook;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main job: a population of agents living in a world, each with its own brain, world batch
 * and learner, taking turns on the colony's thread (the next agent acting on a second thread while
 * the current one learns, {@link Pipeline}). The colony owns the loop: each {@link Turn} acts,
 * steps the worlds, records and learns; {@link Population} replicates and culls; {@link
 * Lifecycle} brings agents into memory and out. See {@code docs/colony.md}.
 *
 * <p>An agent is alive (in memory, taking turns), hibernating, dead or failed (an exception in its
 * turn: recorded and unloaded; the colony goes on). People's requests are applied at every turn
 * boundary; with no alive agent but a hibernating or failed one, the colony polls for them (a
 * {@code wake} brings one back); with every agent dead it stops. A watched agent's frame
 * ({@link ColonyHandle#frame}) follows every step and carries its brain's hidden state; the
 * others' follow their turns. With {@code bus.enabled}, {@link BusLink} publishes every agent's
 * channels after each turn, and people's rewards and text on the bus become requests. People's
 * questions ({@link AskDesk}) are taken from the registry at the same boundaries and lent to the
 * worlds; in a world that takes asks, text on the bus becomes an ask instead of a talk.
 *
 * <p>Thread-safety: {@link #run}/{@link #runRounds} drive it from one thread; the {@link
 * ColonyHandle} methods and {@link #stop()} may be called from any thread.
 */
public final class Colony implements ColonyHandle, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Colony.class);
  /** The data directory's folder of spoken answers, one folder per agent. */
  public static final String AUDIO = "audio";
  /** How long the colony waits at its start for the broker to acknowledge its subscriptions. */
  private static final long SUBSCRIBE_MILLIS = 5_000;

  final DataDir dir;
  final VivariumConfig config;
  final Consumer<String> log;
  final List<LiveAgent> agents = new ArrayList<>();
  final Frames frames = new Frames();
  final LearnerMaker learners;
  final Lifecycle lifecycle = new Lifecycle(this);
  final Population population = new Population(this);
  /** Trees of thought on people's questions and training newborns on their conclusions ({@code think.*}). */
  final Thinking thinking = new Thinking(this);
  /** Where agents run and who decides about the population. */
  final Placement placement;
  /** What the placement may do to this colony. */
  final Host host = new Hosting(this);
  private final Turn turn = new Turn(this);
  private final Pipeline pipeline;
  private final ColonyLock lock;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final RequestDesk desk = new RequestDesk(this);
  /** People's questions to the colony's text worlds, taken from the registry at turn boundaries. */
  final AskDesk asks;
  /** People's recordings to the colony's listening worlds. */
  final RecordingDesk recordings;
  /** Speaks answers to people ({@code bus.speak}); null when off. */
  private Speaker speaker;
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  Registry registry;
  /** The TensorBoard event files under DATA/runs ({@code colony.tensorboard}). */
  Boards boards;
  CheckpointStore store;
  byte[] configHash;
  /** The resolved configuration, secrets redacted, as every checkpoint keeps it. */
  String configToml;
  MemoryLink memory;
  /** The agents' channels on the bus; null without a bus. */
  BusLink link;
  /** The method agents learn by ({@code learn.method}, with {@code auto} resolved for the world). */
  final io.vivarium.core.config.LearnMethod method;
  /** Steps of every world instance in one turn. */
  final int turnSteps;
  /** The world's spec as agents see it (with people's text). */
  final io.vivarium.core.world.Spec spec;
  /** What the colony lends the worlds it makes: configuration, byte counts, facts, people's asks, the evaluator. */
  final WorldContext worldContext;
  /** The evaluator {@code world.evaluator} names, lent through the world context; null without one. */
  private final io.vivarium.brain.judge.BrainJudge evaluator;
  long roundSteps;
  private Bus bus;
  volatile double stepsPerSecond;
  /** Whether the colony said it waits for requests (said once until an agent is back). */
  boolean idleNoted;
  private boolean closed;

  /**
   * Opens (or creates) the colony in {@code dir} with {@code config}, holding the directory's
   * {@link ColonyLock} until {@link #close()}; {@code log} receives status lines.
   *
   * @throws IllegalStateException when another colony runs in {@code dir}
   * @throws IllegalArgumentException for a configuration this runtime cannot run ({@link Preflight})
   */
  public Colony(DataDir dir, VivariumConfig config, Consumer<String> log) {
    this(dir, config, log, LearnerMaker.DEFAULT, Placement.alone());
  }

  /** A colony whose agents run where {@code placement} says (a node of a cluster); see {@link Placement}. */
  public Colony(DataDir dir, VivariumConfig config, Consumer<String> log, Placement placement) {
    this(dir, config, log, LearnerMaker.DEFAULT, placement);
  }

  /** A colony whose agents' learners come from {@code learners} (test fixtures watch them). */
  Colony(DataDir dir, VivariumConfig config, Consumer<String> log, LearnerMaker learners) {
    this(dir, config, log, learners, Placement.alone());
  }

  private Colony(DataDir dir, VivariumConfig config, Consumer<String> log, LearnerMaker learners, Placement placement) {
    this.dir = dir;
    this.config = config;
    this.log = log;
    this.learners = learners;
    this.placement = java.util.Objects.requireNonNull(placement, "placement");
    Preflight.Plan plan = Preflight.plan(config);
    this.method = plan.method();
    this.turnSteps = plan.turnSteps();
    this.spec = plan.spec();
    this.pipeline = new Pipeline(this, turn, this::betweenTurns);
    this.lock = ColonyLock.acquire(dir);
    FirstStart first = FirstStart.before(dir);
    try {
      dir.writeConfig(config);
      this.registry = config.cluster().registry().isEmpty() ? Registry.open(dir.registryLocation())
          : Registry.open(config.cluster().registry());
      this.boards = Boards.open(dir.root(), config.colony(), log);
      registry.onMetrics(boards::metrics); // every metric value recorded also goes to the event files
      this.store = dir.checkpoints();
      this.configHash = HexFormat.of().parseHex(ConfigResolver.hash(config));
      this.configToml = ConfigResolver.toToml(config, true);
      registry.recordStart(config.colony().name(), config.colony().seed(), configToml, ConfigResolver.hash(config));
      Torch.start(config.brain(), dir.root());
      this.bus = config.bus().enabled() ? MqttBus.open(config.bus(), config.colony().name(), dir.root()) : null;
      if (bus != null) {
        String login = config.bus().url().isBlank()
            ? ", login in " + dir.root().resolve(io.vivarium.bus.BusCredentials.FILE) : "";
        log.accept("bus: " + bus.url() + " (topics " + bus.schema().everything() + login + ")");
        bus.onRewardFromParent("+", (agent, reward) -> fromBus(agent, "reward", Double.toString(reward)));
      }
      boolean takesAsks = Worlds.of(config.world()).takesAsks();
      this.asks = new AskDesk(registry.asks(), config.colony().asks(), takesAsks ? null : "world "
          + config.world().name() + " does not answer people's questions; ask a colony of a text world such as chat",
          this::publishText, this::event, thinking);
      boolean listens = Worlds.get(config.world().name()).listens();
      this.recordings = new RecordingDesk(config.colony().asks(), listens ? null : "world " + config.world().name()
          + " does not listen to recordings; send them to a colony of a listening world such as listen",
          this::publishText, this::event);
      this.speaker = Speaker.open(config.bus().speak(), dir.root().resolve(AUDIO), this::publishAudio, log);
      if (bus != null) {
        bus.subscribe(io.vivarium.bus.Topics.AUDIO_FROM_PARENT, "+", recordings::fromBus);
        link = new BusLink(bus, config.bus(), (agent, text) -> fromBus(agent, "talk", text),
            takesAsks ? asks::fromBus : null, this::event, log);
        if (!bus.awaitSubscriptions(SUBSCRIBE_MILLIS)) { // people who answer the first event are heard
          log.accept("bus: the broker has not acknowledged every subscription after " + SUBSCRIBE_MILLIS
              + " ms; messages sent to agents before it does are lost");
        }
      }
      this.evaluator = Evaluator.open(plan.evaluator());
      this.memory = MemoryLink.open(dir, config, placement);
      // the colony's byte counts (its own agents', and its live agents' elsewhere on the bus), the
      // facts worlds look up (in the shared memory when it is on, else in this process), people's
      // questions and the evaluator
      this.worldContext = new WorldContext(config.world(), link == null ? ColonyCounts.local() : link.counts())
          .withFacts(memory.enabled() ? new MemoryFacts(memory.memory()) : new LocalFactBook())
          .withAsks(asks)
          .withRecordings(recordings)
          .withJudge(Evaluator.judge(evaluator));
      placement.open(host);
    } catch (RuntimeException e) {
      close();
      try {
        first.undo(); // a start that failed leaves no empty colony behind
      } catch (RuntimeException u) {
        e.addSuppressed(u);
      }
      throw e;
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

  @Override
  public long ask(String agent, String text, String source) {
    return registry.asks().add(agent, text, source);
  }

  @Override
  public long thumb(long ask, String agent, int sign, String source) {
    registry.asks().checkThumb(ask, agent, sign);
    long id = request(agent, "reward", Integer.toString(sign), source);
    registry.asks().reward(ask, agent, sign);
    return id;
  }

  @Override
  public long hear(String agent, byte[] wav, String source) {
    return recordings.hear(agent, wav, source);
  }

  /**
   * An answer to an ask or a recording, or a refusal of one, on the agent's {@code text:to_parent},
   * and spoken when {@code bus.speak}.
   */
  private void publishText(String agent, String text) {
    if (bus != null) {
      bus.publishText(agent, text);
    }
    if (speaker != null) {
      speaker.speak(agent, text);
    }
  }

  /** A spoken answer on the agent's {@code audio:to_parent}. */
  private void publishAudio(String agent, byte[] wav) {
    if (bus != null) {
      bus.publish(io.vivarium.bus.Topics.AUDIO_TO_PARENT, agent, wav);
    }
  }

  /** At every turn boundary: people's requests, then their new questions. */
  private void betweenTurns() {
    placement.betweenTurns(host);
    desk.applyPending();
    asks.intake(agentIds());
    recordings.live(agentIds());
  }

  /** People's rewards and text from the bus take the same path as every request. */
  private void fromBus(String agent, String action, String arg) {
    try {
      request(agent, action, arg, "bus");
    } catch (IllegalArgumentException e) {
      logger.warn("ignoring a {} from the bus: {}", action, e.getMessage());
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

  /** Whether the colony has been asked to stop. */
  boolean stopping() {
    return stop.get();
  }

  /** Whether {@code world.evaluator} names an evaluator brain. */
  boolean hasEvaluator() {
    return evaluator != null;
  }

  /** The alive agents' ids. */
  public List<String> agentIds() {
    return agents.stream().map(a -> a.id).toList();
  }

  /** The agent in memory with {@code id}, or null. */
  LiveAgent find(String id) {
    return agents.stream().filter(a -> a.id.equals(id)).findFirst().orElse(null);
  }

  AgentFrame frame(LiveAgent a, boolean hidden) {
    WorldBatch w = a.worlds;
    return new AgentFrame(a.id, AgentState.ALIVE.key(), a.envSteps, a.episodes.episodes(), a.fitness, w.observation(0),
        w instanceof Renderer r ? r.text(0) : "", a.episodes.lastAction(), a.episodes.lastReward(),
        actionNames(w, a.episodes.recentActions()), a.textIn, a.textOut,
        hidden ? a.brain.embed(a.input0()) : new float[0], System.currentTimeMillis());
  }

  /** Actions named by the world's {@link ActionNames}, or plainly. */
  private static List<String> actionNames(WorldBatch worlds, byte[] actions) {
    List<String> names = new ArrayList<>(actions.length);
    for (byte b : actions) {
      names.add(ActionNames.of(worlds, b));
    }
    return names;
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
      betweenTurns();
      if (agents.isEmpty() && !placement.idle(host)) {
        break;
      }
      pipeline.round(List.copyOf(agents), deadline);
      if (!agents.isEmpty()) {
        idleNoted = false;
        stepsPerSecond = roundSteps / Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        Rounds.record(this, stepsPerSecond);
      }
    }
    for (LiveAgent a : List.copyOf(agents)) {
      lifecycle.checkpoint(a);
    }
  }

  /** Closes agents, the bus and the registry and releases the lock; checkpoints nothing more. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pipeline.close();
    for (LiveAgent a : List.copyOf(agents)) {
      lifecycle.unload(a);
    }
    try {
      placement.close();
      if (speaker != null) {
        speaker.close();
      }
      if (bus != null) {
        bus.close();
      }
      if (memory != null) {
        memory.close();
      }
      if (boards != null) {
        boards.close();
      }
      if (registry != null) {
        registry.onMetrics(null);
        registry.close();
      }
      if (evaluator != null) {
        evaluator.close();
      }
    } finally {
      lock.close();
    }
  }
}
