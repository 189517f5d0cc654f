package io.vivarium.bench.chat;

import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.policy.Acts;
import io.vivarium.brain.policy.ActionSpace;
import io.vivarium.brain.policy.Actor;
import io.vivarium.brain.policy.Senses;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.MetricPoint;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.BrainFit;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.colony.runtime.MemoryFacts;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.config.ChatConfig;
import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.LocalFactBook;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import io.vivarium.memory.LuceneMemory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code vivarium bench facts}: seed 004's claim that facts belong in a memory, not in weights,
 * measured. A chat colony (as {@code vivarium run --world chat} starts it, in a temporary data
 * directory, no bus, no zookeeper) learns on the facts source for the given minutes with the fact
 * memory on; then its alive agents answer {@value #QUESTIONS} questions about held-out facts
 * (never trained on, yet in the memory) greedily, and as many about training facts; then the
 * same with the fact memory off. Prints a line per minute and at the end
 * {@code exact_match_with_memory=…}, {@code exact_match_without_memory=…} and the training
 * facts' {@code train_exact_match_…}: means over the alive agents. With eval facts, those are put
 * into the memory and asked instead of the held-out ones. The data directories are deleted at the
 * end unless kept. Not thread-safe; one run at a time.
 */
public final class FactsBench {
  /** Questions each agent answers per measure. */
  static final int QUESTIONS = 256;
  private static final int BATCH = 32;
  private final PrintWriter out;
  private final boolean keepData;

  /** A bench printing to {@code out}; {@code keepData} keeps the colonies' data directories (else deleted). */
  public FactsBench(PrintWriter out, boolean keepData) {
    this.out = out;
    this.keepData = keepData;
  }

  /** Both colonies and their scores; {@code evalFacts} may be null; {@code overrides} are {@code key=value}. */
  public void run(double minutes, long seed, Path evalFacts, List<String> overrides) {
    if (evalFacts != null && !Files.isRegularFile(evalFacts)) {
      throw new IllegalArgumentException("--eval-facts " + evalFacts + " does not exist; give a file of lines"
          + " 'subject | relation | value'");
    }
    double[] with = colony(config(seed, true, overrides), minutes, evalFacts);
    double[] without = colony(config(seed, false, overrides), minutes, evalFacts);
    out.printf("exact_match_with_memory=%.4f%n", with[0]);
    out.printf("exact_match_without_memory=%.4f%n", without[0]);
    out.printf("train_exact_match_with_memory=%.4f%n", with[1]);
    out.printf("train_exact_match_without_memory=%.4f%n", without[1]);
    out.printf("reward_with_memory=%.4f%n", with[2]);
    out.printf("reward_without_memory=%.4f%n", without[2]);
    out.flush();
  }

  private static VivariumConfig config(long seed, boolean memory, List<String> overrides) {
    List<String> all = new ArrayList<>(List.of("world.name=chat", "world.preset=chat-facts", "colony.seed=" + seed,
        "bus.enabled=false", "zoo.enabled=false", "world.chat.factMemory=" + memory));
    all.addAll(overrides);
    return RunConfig.resolve(null, null, all, w -> Worlds.get(w).defaultPreset(), w -> Worlds.get(w).suggestions())
        .config();
  }

  /**
   * Runs one colony; returns the mean greedy exact match on the asked facts and on training facts,
   * and the mean reward on the asked facts (the grader's partial score shows progress before exact answers).
   */
  private double[] colony(VivariumConfig config, double minutes, Path evalFacts) {
    Path dir;
    try {
      dir = Files.createTempDirectory("vivarium-facts");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory: " + e.getMessage(), e);
    }
    out.printf("colony: chat %s, fact memory %s, method %s, %d founders, batch %d in groups of %d, data %s%n",
        config.world().preset(), config.world().chat().factMemory() ? "on" : "off", config.learn().method(),
        config.colony().agents(), config.world().batch(), config.learn().grpo().group(), dir);
    out.flush();
    try (Colony c = new Colony(new DataDir(dir), config, line -> {
      out.println("  " + line);
      out.flush();
    })) {
      long start = System.nanoTime(); // after the founders' worlds put their facts into the memory
      long end = start + (long) (minutes * 60e9);
      while (System.nanoTime() < end) {
        c.run(Math.min(60, Math.max(1, (end - System.nanoTime()) / 1_000_000_000L)));
        try (Registry reg = Registry.openReadOnly(new DataDir(dir).registry())) {
          out.printf("minute %.1f · agents %d · sampled exact match %.4f%n", (System.nanoTime() - start) / 60e9,
              alive(reg).size(), meanLast(reg, "world.exact"));
          out.flush();
        }
      }
    }
    try {
      return evaluate(new DataDir(dir), config, evalFacts);
    } finally {
      if (!keepData) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private double[] evaluate(DataDir dir, VivariumConfig config, Path evalFacts) {
    WorldConfig w = config.world();
    ChatConfig chat = w.chat();
    WorldConfig asked = evalFacts == null ? withChat(w, "chat-held-out", chat)
        : withChat(w, "chat-facts", new ChatConfig(chat.factMemory(), chat.factHits(), evalFacts.toString(), 0));
    WorldConfig trained = withChat(w, "chat-facts", chat);
    List<String> agents;
    try (Registry reg = Registry.openReadOnly(dir.registry())) {
      agents = alive(reg);
    }
    double[] sums = new double[3];
    int n = 0;
    try (LuceneMemory memory = config.memory().enabled() ? LuceneMemory.open(dir.memory(), 0, config.memory()) : null) {
      FactBook book = memory != null ? new MemoryFacts(memory) : new LocalFactBook();
      CheckpointStore store = dir.checkpoints();
      for (String id : agents) {
        Optional<CheckpointStore.Loaded> latest = store.latest(id, d -> out.println("  damaged checkpoint " + d.file()));
        if (latest.isEmpty()) {
          continue;
        }
        try (TorchBrain brain = TorchBrain.fromBytes(latest.get().payload(), id)) {
          double[] a = greedy(brain, config, asked, book);
          double[] t = greedy(brain, config, trained, book);
          out.printf("  %s: exact match %.4f, reward %.4f (%s); exact match %.4f (training facts)%n", id, a[0], a[1],
              evalFacts == null ? "held-out facts" : evalFacts.getFileName(), t[0]);
          sums[0] += a[0];
          sums[1] += t[0];
          sums[2] += a[1];
          n++;
        }
      }
    }
    out.flush();
    return n == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN}
        : new double[] {sums[0] / n, sums[1] / n, sums[2] / n};
  }

  private static WorldConfig withChat(WorldConfig w, String preset, ChatConfig chat) {
    return new WorldConfig(w.name(), preset, BATCH, w.reward(), w.exec(), chat);
  }

  /**
   * The share of {@value #QUESTIONS} questions of {@code world} that {@code brain} answers exactly,
   * greedily, and its mean reward on them.
   */
  static double[] greedy(TorchBrain brain, VivariumConfig config, WorldConfig world, FactBook book) {
    WorldContext context = new WorldContext(world, ColonyCounts.local()).withFacts(book);
    try (WorldBatch b = Worlds.get("chat").batch(world.preset(), BATCH, context)) {
      Spec spec = b.spec();
      Senses senses = new Senses(spec, BrainFit.of(config, spec).encoding(), BATCH);
      ActionSpace space = ActionSpace.of(spec);
      Actor actor = new Actor(space, 1.0);
      SplittableRandom rng = new SplittableRandom(config.colony().seed());
      b.reset(config.colony().seed() ^ 0x4e1dL);
      int right = 0;
      double reward = 0;
      for (int round = 0; round < QUESTIONS / BATCH; round++) {
        Acts acts = actor.act(brain, senses.inputs(b, BATCH), rng, true);
        Action[] actions = new Action[BATCH];
        for (int i = 0; i < BATCH; i++) {
          actions[i] = space.action(acts.bytes()[i]);
        }
        b.step(actions);
        for (int i = 0; i < BATCH; i++) {
          right += b.rewards()[i] >= 1f ? 1 : 0; // the grader pays 1 for an exact answer only
          reward += b.rewards()[i];
          senses.record(i, acts.bytes()[i], b.rewards()[i], true);
        }
      }
      return new double[] {(double) right / QUESTIONS, reward / QUESTIONS};
    }
  }

  private static List<String> alive(Registry reg) {
    return reg.agents().stream().filter(a -> "alive".equals(a.state().key())).map(AgentRow::id).toList();
  }

  /** The mean over alive agents of each one's last value of {@code name}; NaN before any. */
  private static double meanLast(Registry reg, String name) {
    double sum = 0;
    int n = 0;
    for (String id : alive(reg)) {
      List<MetricPoint> s = reg.metrics().series(id, name, -1, 1);
      if (!s.isEmpty()) {
        sum += s.get(s.size() - 1).value();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
