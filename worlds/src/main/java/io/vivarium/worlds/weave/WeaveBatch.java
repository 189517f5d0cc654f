package io.vivarium.worlds.weave;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Outputs;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.Ticks;
import io.vivarium.core.world.Tools;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text world woven (seed 004's weave agent): each step every instance's action is one tick the
 * agent wrote — an optional {@code orientation}, an {@code action} calling one of the world's
 * {@link Tools} (or {@code recall QUERY}, a look-up in the context's fact book), an optional
 * {@code expectation} — parsed strictly ({@link Blocks}). The batch performs the call on the inner
 * world, answers with an {@code observation} block and scores the tick in an {@code evaluation}
 * block (the evaluator's yes/no questions when the colony lends one, otherwise the world's own
 * reward, said so). A tick's reward is the inner world's reward for its call; a malformed tick is
 * an observation naming the problem, and the instance idles that step. The observation is the
 * recent blocks ending with the header of the next orientation block.
 *
 * <p>Capabilities: {@link Ticks} (instance 0's ticks, for the records), {@link Outputs} (the inner
 * world's, plus the {@code well_formed} share), {@link TextExpert} (a well-formed tick around the
 * world's expert call). Not thread-safe: one thread steps it.
 */
public final class WeaveBatch implements WorldBatch, Ticks, Outputs, TextExpert {
  /** Bytes of recent blocks an observation holds beyond the inner world's own text. */
  public static final int HISTORY_BYTES = 256;
  /** The most bytes of a tick an agent writes (a brain writes at most 256 bytes in one action). */
  public static final int TICK_BYTES = 256;
  private static final int RAW_SHOWN = 200;
  private static final int FACTS = 3;
  private final WorldBatch inner;
  private final Tools tools;
  private final WorldContext context;
  private final Spec spec;
  private final int budget;
  private final History[] histories;
  private final float[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final long[] episodes;
  private List<Tick> ticks = List.of();
  private Map<String, Double> measures = Map.of();

  /** Weaves {@code inner}, which must offer {@link Tools}, in a colony lending {@code context}. */
  public WeaveBatch(WorldBatch inner, WorldContext context) {
    if (!(inner instanceof Tools t)) {
      throw new IllegalArgumentException("world.mode=weave: world " + inner.spec().world()
          + " offers no tools to weave; weave repair, chat or terminal, or set world.mode=plain");
    }
    this.inner = inner;
    this.tools = t;
    this.context = context;
    this.spec = spec(inner.spec());
    this.budget = spec.maxBytes().get(Channel.TEXT);
    int n = inner.size();
    histories = new History[n];
    for (int i = 0; i < n; i++) {
      histories[i] = new History();
    }
    rewards = new float[n];
    terminated = new boolean[n];
    truncated = new boolean[n];
    episodes = new long[n];
  }

  /** The spec of {@code inner} woven: text in (its text plus recent blocks), a tick of text out. */
  public static Spec spec(Spec inner) {
    Map<Channel, Integer> bytes = new EnumMap<>(Channel.class);
    bytes.putAll(inner.maxBytes());
    bytes.merge(Channel.TEXT, HISTORY_BYTES, Integer::sum);
    return new Spec(inner.world(), inner.preset(), bytes, inner.imageWidth(), inner.imageHeight(), Channel.TEXT,
        TICK_BYTES, new byte[0], inner.maxSteps(), inner.pictureForVideo());
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public int size() {
    return inner.size();
  }

  @Override
  public void reset(long seed) {
    reset(seed, 1);
  }

  @Override
  public void reset(long seed, int group) {
    inner.reset(seed, group);
    for (int i = 0; i < size(); i++) {
      histories[i].clear();
      episodes[i] = 0;
      histories[i].add(Blocks.render("observation", List.of("#title " + spec.world()), firstSight(i)));
    }
    ticks = List.of();
    measures = Map.of();
  }

  @Override
  public void step(Action[] actions) {
    int n = size();
    if (actions.length != n) {
      throw new IllegalArgumentException("a batch of " + n + " needs as many actions; got " + actions.length);
    }
    // 1. Read every tick and turn its call into the world's actions.
    Call[] calls = new Call[n];
    int steps = 1;
    for (int i = 0; i < n; i++) {
      byte[] b = actions[i].text().length > 0 ? actions[i].text() : actions[i].motor();
      calls[i] = read(i, b.length <= TICK_BYTES ? b : Arrays.copyOf(b, TICK_BYTES));
      steps = Math.max(steps, calls[i].actions.size());
    }
    // 2. Step the inner world until every call is done; an instance that is done idles.
    stepInner(calls, steps);
    // 3. Answer every tick with an observation and an evaluation; keep instance 0's.
    List<Tick> kept = new ArrayList<>(1);
    int good = 0;
    for (int i = 0; i < n; i++) {
      good += calls[i].tick != null ? 1 : 0;
      Tick t = answer(i, calls[i]);
      if (i == 0) {
        kept.add(t);
      }
    }
    ticks = kept;
    Map<String, Double> m = new LinkedHashMap<>();
    if (inner instanceof Outputs o) {
      m.putAll(o.lastMeasures());
    }
    m.put("well_formed", (double) good / n);
    measures = m;
  }

  /** Steps the inner batch {@code steps} times: each instance's own actions, then idle; sums each one's own rewards. */
  private void stepInner(Call[] calls, int steps) {
    int n = size();
    Arrays.fill(rewards, 0);
    Arrays.fill(terminated, false);
    Arrays.fill(truncated, false);
    boolean[] over = new boolean[n];
    for (int s = 0; s < steps; s++) {
      Action[] now = new Action[n];
      for (int i = 0; i < n; i++) {
        boolean own = !over[i] && s < calls[i].actions.size();
        now[i] = own ? calls[i].actions.get(s) : tools.idle(i);
      }
      inner.step(now);
      for (int i = 0; i < n; i++) {
        if (!over[i] && (s < calls[i].actions.size() || s == 0)) {
          rewards[i] += inner.rewards()[i];
        }
        terminated[i] |= inner.terminated()[i];
        truncated[i] |= inner.truncated()[i] && !inner.terminated()[i];
        over[i] |= inner.terminated()[i] || inner.truncated()[i];
      }
    }
  }

  /** A parsed call: the tick (null when malformed), its actions, what the observation says first. */
  private record Call(Blocks.Tick tick, List<Action> actions, String said, String task, long millis) {}

  private Call read(int i, byte[] text) {
    long millis = System.currentTimeMillis();
    String task = tools.task(i);
    Blocks.Parsed p = Blocks.parse(text);
    return switch (p) {
      case Blocks.Malformed m -> new Call(null, List.of(), "malformed tick: " + m.problem() + "\nthe agent wrote:\n"
          + quoted(text), task, millis);
      case Blocks.Tick t -> call(i, t, task, millis);
    };
  }

  private Call call(int i, Blocks.Tick t, String task, long millis) {
    String body = t.action().stripLeading();
    int cut = firstBreak(body);
    String tool = body.substring(0, cut);
    String argument = cut < body.length() ? body.substring(cut + 1) : "";
    if (tool.equals("recall")) {
      return new Call(t, List.of(), recall(argument), task, millis);
    }
    try {
      return new Call(t, tools.call(i, tool, argument), "", task, millis);
    } catch (IllegalArgumentException e) {
      return new Call(null, List.of(), "malformed tick: the action block " + e.getMessage(), task, millis);
    }
  }

  private static int firstBreak(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) == ' ' || s.charAt(k) == '\n') {
        return k;
      }
    }
    return s.length();
  }

  private String recall(String query) {
    if (query.isBlank()) {
      return "recall needs a query: recall QUERY";
    }
    List<FactBook.Fact> facts = context.facts().lookup("", query.strip(), FACTS);
    StringBuilder b = new StringBuilder("recall '" + query.strip() + "': " + facts.size() + " facts");
    facts.forEach(f -> b.append("\n- ").append(f.key()).append(": ").append(f.value()));
    return b.toString();
  }

  /** Renders instance {@code i}'s tick, adds its blocks to its history, and says it as a {@link Tick}. */
  private Tick answer(int i, Call c) {
    History h = histories[i];
    long tick = h.nextTick();
    long first = h.nextBlock();
    List<Block> blocks = new ArrayList<>();
    if (c.tick != null) {
      String start = h.startLine();
      for (Blocks.Block b : c.tick.blocks()) {
        List<String> header = b.type().equals("orientation") ? List.of(start) : List.of();
        h.add(Blocks.render(b.type(), header, b.body()));
        blocks.add(new Block(b.type(), c.millis, header.isEmpty() ? b.body() : start + "\n" + b.body()));
      }
    }
    long now = System.currentTimeMillis();
    String seen = observationText(i, c);
    h.add(Blocks.render("observation", List.of("#title " + spec.world()), seen));
    blocks.add(new Block("observation", now, seen));
    String judged = evaluation(i, c);
    h.add(Blocks.render("evaluation", List.of(), judged));
    blocks.add(new Block("evaluation", now, judged));
    h.tickDone();
    long episode = episodes[i];
    if (terminated[i] || truncated[i]) {
      episodes[i]++;
    }
    return new Tick(i, episode, tick, first, blocks, rewards[i], c.tick != null);
  }

  private String observationText(int i, Call c) {
    StringBuilder b = new StringBuilder();
    if (!c.said.isEmpty()) {
      b.append(c.said).append('\n');
    }
    if (c.tick != null && c.said.isEmpty()) {
      String out = tools.outcome(i);
      if (!out.isEmpty()) {
        b.append(out).append('\n');
      }
    }
    b.append(String.format(Locale.ROOT, "reward %.4f", rewards[i]));
    b.append(terminated[i] ? " · episode over" : truncated[i] ? " · out of steps" : "").append('\n');
    b.append(new String(inner.observation(i).bytes(Channel.TEXT), StandardCharsets.UTF_8));
    return b.toString();
  }

  private String evaluation(int i, Call c) {
    if (c.tick == null) {
      return "the tick was malformed: nothing to evaluate";
    }
    if (context.config().evaluator().isEmpty()) {
      return String.format(Locale.ROOT, "no evaluator (world.evaluator is empty): the world's own reward pays"
          + " this tick, %.4f", rewards[i]);
    }
    StringBuilder b = new StringBuilder();
    for (String q : tools.questions()) {
      double yes = context.judge().yes(q, c.task, c.tick.action());
      b.append(String.format(Locale.ROOT, "%s yes %.2f%n", q, yes));
    }
    return b.toString().strip();
  }

  private String firstSight(int i) {
    return new String(inner.observation(i).bytes(Channel.TEXT), StandardCharsets.UTF_8);
  }

  private static String quoted(byte[] text) {
    StringBuilder b = new StringBuilder();
    String s = new String(text, 0, Math.min(text.length, RAW_SHOWN), StandardCharsets.UTF_8);
    for (String line : s.split("\n", -1)) {
      StringBuilder l = new StringBuilder("| ");
      line.codePoints().forEach(cp -> l.appendCodePoint(cp < 0x20 || cp == 0x7f || cp == 0xfffd ? '?' : cp));
      b.append(l).append('\n');
    }
    return b.append(text.length > RAW_SHOWN ? "| … (" + text.length + " bytes)" : "").toString().strip();
  }

  @Override
  public Observation observation(int i) {
    Map<Channel, byte[]> channels = new EnumMap<>(Channel.class);
    Observation o = inner.observation(i);
    channels.putAll(o.channels());
    channels.put(Channel.TEXT, histories[i].text(budget));
    return new Observation(channels, o.image());
  }

  /**
   * A well-formed tick around the world's expert call: a short orientation, the action and an
   * expectation; only the action when that does not fit in {@link #TICK_BYTES}; empty when even
   * that does not fit or the world knows no call (the learner then has no answer to clone here).
   */
  @Override
  public byte[] expertText(int i) {
    String call = tools.expertCall(i);
    if (call.isEmpty()) {
      return new byte[0];
    }
    String tool = call.substring(0, firstBreak(call));
    String action = Blocks.render("action", List.of(), call);
    byte[] full = ("I will use " + tool + ".\n" + Blocks.END + "\n" + action
        + Blocks.render("expectation", List.of(), "reward > 0")).getBytes(StandardCharsets.UTF_8);
    if (full.length <= TICK_BYTES) {
      return full;
    }
    byte[] bare = (Blocks.END + "\n" + action).getBytes(StandardCharsets.UTF_8);
    return bare.length <= TICK_BYTES ? bare : new byte[0];
  }

  @Override
  public List<Tick> lastTicks() {
    return ticks;
  }

  @Override
  public List<Output> lastOutputs() {
    return inner instanceof Outputs o ? o.lastOutputs() : List.of();
  }

  @Override
  public Map<String, Double> lastMeasures() {
    return measures;
  }

  @Override
  public float[] rewards() {
    return rewards;
  }

  @Override
  public boolean[] terminated() {
    return terminated;
  }

  @Override
  public boolean[] truncated() {
    return truncated;
  }

  @Override
  public long episodeSeed(int i) {
    return inner.episodeSeed(i);
  }

  @Override
  public int episodeLevel(int i) {
    return inner.episodeLevel(i);
  }

  @Override
  public void close() {
    inner.close();
  }
}
