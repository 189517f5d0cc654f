package io.vivarium.worlds.gold;

import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Curriculum;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Many gold rooms stepped together, structure of arrays: one byte grid for all instances with
 * the agent drawn in (so the grid is the symbolic observation, no copy), and one primitive
 * array per state variable. {@link #step(byte[])} allocates nothing, automatic resets
 * included; pictures, when the preset asks for them, are kept up to date by repainting only the
 * cells a step changed. {@link GoldWorld} is a batch of one, so both share this code.
 *
 * <p>Instance {@code i} of {@code reset(seed)} plays episode {@code k} from
 * {@code Seeds.derive(Seeds.derive(seed, "instance", i), "episode", k)}, as core's serial batch
 * does, so a batch equals single worlds bit for bit. With {@code threads > 1} a step is split
 * across a {@link Crew}; results do not depend on the thread count.
 *
 * <p>Not thread-safe: one thread drives a batch. {@link #close()} stops its worker threads.
 */
public final class GoldBatch implements WorldBatch, Expert, Curriculum, Renderer {
  /** Heading after action byte {@code a} from heading {@code h}, at {@code a << 2 | h}. */
  private static final byte[] TURN = new byte[256 * 4];

  static {
    for (int a = 0; a < 256; a++) {
      for (int h = 0; h < 4; h++) {
        TURN[a << 2 | h] = (byte) (a == 'L' ? Cell.left(h) : a == 'R' ? Cell.right(h) : h);
      }
    }
  }

  private final GoldPreset preset;
  /** Draws pictures for people (not for the brain's observations); made on first use. */
  private GoldRenderer drawing;
  private final Spec spec;
  private final GoldRenderer renderer;
  private final byte[] mission;
  private final int size;
  private final int cells;
  private final int gw;
  private final int frame; // bytes per picture
  private final int[] delta = new int[4]; // cell offset of a step per heading
  private final boolean autoReset;
  private final byte[] grid; // (N, GH, GW) symbolic, agent drawn in
  private final byte[] rgb; // (N, IH, IW, 3), or null without pictures
  private final int[] agent; // (N) cell index
  private final byte[] heading; // (N)
  private final int[] steps; // (N)
  private final int[] goldLeft; // (N)
  private final byte[] previous; // (N) previous action byte, 0 after a reset
  private final long[] episodeStream; // (N) Seeds.stream(instance seed, "episode")
  private final long[] episode; // (N) episode number
  private final int[] episodeRadius; // (N) the gold radius the current episode started with
  private final double[] reward64; // (N)
  private final float[] rewards; // (N)
  private final boolean[] terminated; // (N)
  private final boolean[] truncated; // (N)
  private final byte[] motor; // (N) scratch for step(Action[])
  private final GoldLayouts.Scratch[] scratch; // per worker
  private final Crew crew;

  private byte[] pendingMotor;
  private long pendingSeed;
  /** Instances per shared episode stream of the pending reset (1: each its own). */
  private int pendingGroup = 1;
  private int goldRadius;
  private GoldCurriculum curriculum;
  private boolean ready;

  /** A batch of {@code size} instances of {@code preset}, stepped by {@code threads} threads. */
  public GoldBatch(GoldPreset preset, int size, int threads) {
    this(preset, size, threads, true);
  }

  GoldBatch(GoldPreset preset, int size, int threads, boolean autoReset) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1; got " + size);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1; got " + threads);
    }
    this.preset = preset;
    this.size = size;
    this.autoReset = autoReset;
    cells = preset.cells();
    gw = preset.gridWidth();
    for (int h = 0; h < 4; h++) {
      delta[h] = Cell.DX[h] + Cell.DY[h] * gw;
    }
    mission = mission(preset).getBytes(StandardCharsets.US_ASCII);
    renderer = new GoldRenderer(preset.pixelsPerCell());
    frame = preset.imageWidth() * preset.imageHeight() * 3;
    spec = spec(preset, mission.length);
    grid = new byte[size * cells];
    rgb = preset.rgb() ? new byte[size * frame] : null;
    agent = new int[size];
    heading = new byte[size];
    steps = new int[size];
    goldLeft = new int[size];
    previous = new byte[size];
    episodeStream = new long[size];
    episode = new long[size];
    episodeRadius = new int[size];
    reward64 = new double[size];
    rewards = new float[size];
    terminated = new boolean[size];
    truncated = new boolean[size];
    motor = new byte[size];
    crew = new Crew("gold-batch", threads, size, this::work);
    scratch = new GoldLayouts.Scratch[crew.threads()];
    for (int w = 0; w < scratch.length; w++) {
      scratch[w] = new GoldLayouts.Scratch(cells);
    }
  }

  /** The mission text: what the agent is asked to do. */
  static String mission(GoldPreset p) {
    return p.gold() == 1 ? "get the gold" : "get all " + p.gold() + " gold pieces";
  }

  private static Spec spec(GoldPreset p, int missionBytes) {
    int video = p.egocentric() ? p.view() * p.view() : p.cells();
    return new Spec("gold", p.name(),
        Map.of(Channel.VIDEO, video, Channel.TEXT, missionBytes, Channel.MOTOR, 1),
        p.rgb() ? p.imageWidth() : 0, p.rgb() ? p.imageHeight() : 0,
        Channel.MOTOR, 1, new byte[] {'L', 'R', 'F'}, p.maxSteps(), p.pixels());
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public int size() {
    return size;
  }

  /** The preset every instance plays. */
  public GoldPreset preset() {
    return preset;
  }

  /** Threads that step this batch. */
  public int threads() {
    return crew.threads();
  }

  @Override
  public void reset(long seed) {
    reset(seed, 1);
  }

  /** Resets every instance; consecutive groups of {@code group} share one stream of episodes. */
  @Override
  public void reset(long seed, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("reset groups need at least 1 instance; got " + group);
    }
    pendingMotor = null;
    pendingSeed = seed;
    pendingGroup = group;
    crew.run();
    ready = true;
  }

  @Override
  public void step(Action[] actions) {
    if (actions.length != size) {
      throw new IllegalArgumentException(
          "a batch of " + size + " needs as many actions; got " + actions.length);
    }
    for (int i = 0; i < size; i++) {
      int b = actions[i].firstMotor();
      motor[i] = b < 0 ? 0 : (byte) b; // no motor byte: a no-op that still costs a step
    }
    step(motor);
  }

  /** The fast path: one motor byte per instance; allocates nothing. */
  @Override
  public void step(byte[] actions) {
    if (actions.length != size) {
      throw new IllegalArgumentException(
          "a batch of " + size + " needs as many actions; got " + actions.length);
    }
    if (!ready) {
      throw new IllegalStateException("reset the batch before stepping it");
    }
    pendingMotor = actions;
    crew.run();
    if (curriculum != null) {
      curriculum.update(this);
    }
  }

  /**
   * Starts the gold curriculum at radius {@code level}, clamped to the preset's range (1 to its
   * largest radius), growing at 80 % success over 100 episodes.
   */
  @Override
  public void startCurriculum(int level) {
    GoldCurriculum d = GoldCurriculum.forPreset(preset);
    int start = Math.max(d.radius(), Math.min(level, d.maxRadius()));
    setCurriculum(new GoldCurriculum(start, 0.8, 100, d.maxRadius()));
  }

  /** Instance {@code i}'s room drawn at the preset's pixels per cell. */
  @Override
  public io.vivarium.core.world.Image picture(int i) {
    if (drawing == null) {
      drawing = new GoldRenderer(preset.pixelsPerCell());
    }
    return drawing.render(scene(i));
  }

  /** Instance {@code i}'s room in ASCII and its status: {@code step S/MAX · gold left G}. */
  @Override
  public String text(int i) {
    GoldScene s = scene(i);
    return s.ascii() + String.format(java.util.Locale.ROOT, "step %d/%d · gold left %d", s.steps(), s.maxSteps(),
        s.goldLeft());
  }

  /** The radius new episodes start at, 0 (anywhere) without a curriculum. */
  @Override
  public int curriculumLevel() {
    return curriculum() == null ? 0 : curriculum().radius();
  }

  /**
   * Lets {@code curriculum} set the gold radius from the outcomes of every later step (so any
   * learner gets the curriculum without knowing the world); null stops it.
   */
  public void setCurriculum(GoldCurriculum curriculum) {
    this.curriculum = curriculum;
    if (curriculum != null) {
      setGoldRadius(curriculum.radius());
    }
  }

  /** The curriculum driving this batch, or null. */
  public GoldCurriculum curriculum() {
    return curriculum;
  }

  private void work(int worker, int lo, int hi) {
    GoldLayouts.Scratch s = scratch[worker];
    byte[] actions = pendingMotor;
    if (actions == null) {
      for (int i = lo; i < hi; i++) {
        long instance = Seeds.derive(pendingSeed, "instance", i / pendingGroup);
        episodeStream[i] = Seeds.stream(instance, "episode");
        episode[i] = 0;
        resetInstance(i, Seeds.at(episodeStream[i], 0), s);
      }
      return;
    }
    for (int i = lo; i < hi; i++) {
      stepInstance(i, actions[i], s);
    }
  }

  /** Starts instance {@code i}'s episode from {@code seed}. */
  void resetInstance(int i, long seed, GoldLayouts.Scratch s) {
    int a = GoldLayouts.generate(preset, seed, goldRadius, grid, i * cells, s);
    episodeRadius[i] = goldRadius;
    agent[i] = a >>> 2;
    heading[i] = (byte) (a & 3);
    steps[i] = 0;
    goldLeft[i] = preset.gold();
    previous[i] = 0;
    if (rgb != null) {
      renderer.render(grid, i * cells, gw, preset.gridHeight(), rgb, i * frame);
    }
  }

  /** Applies one action to instance {@code i} (phases: move, score, repaint, auto-reset). */
  void stepInstance(int i, byte action, GoldLayouts.Scratch s) {
    // 1. move: turn, or go forward unless a wall blocks; any other byte is a no-op. Written
    //    without data-dependent branches: random actions would mispredict them.
    int base = i * cells;
    int from = agent[i];
    int heading0 = heading[i];
    int a = action & 0xFF;
    int h = TURN[a << 2 | heading0];
    int ahead = from + delta[h];
    byte seen = grid[base + ahead];
    boolean move = (a == 'F') & (seen != Cell.WALL);
    boolean ate = move & (seen == Cell.GOLD);
    int to = move ? ahead : from;
    grid[base + from] = Cell.FLOOR;
    grid[base + to] = Cell.agent(h);
    agent[i] = to;
    heading[i] = (byte) h;
    previous[i] = action;
    // 2. score: MiniGrid's 1 - 0.9·t/T, shared among the gold pieces
    int t = ++steps[i];
    double r = 0;
    boolean done = false;
    if (ate) {
      r = (1.0 - 0.9 * t / preset.maxSteps()) / preset.gold();
      done = --goldLeft[i] == 0;
    }
    reward64[i] = r;
    rewards[i] = (float) r;
    terminated[i] = done;
    truncated[i] = !done && t >= preset.maxSteps();
    // 3. repaint the changed cells (none after a blocked move or a no-op)
    if (rgb != null && (to != from || h != heading0)) {
      renderer.paint(grid[base + from], from % gw, from / gw, gw, rgb, i * frame);
      if (to != from) {
        renderer.paint(grid[base + to], to % gw, to / gw, gw, rgb, i * frame);
      }
    }
    // 4. automatic reset to the instance's next episode
    if (autoReset && (done || truncated[i])) {
      resetInstance(i, Seeds.at(episodeStream[i], ++episode[i]), s);
    }
  }

  /** The {@link GoldExpert}'s action for instance {@code i} now (plans from scratch; not the fast path). */
  @Override
  public byte expertAction(int i) {
    return GoldExpert.expertAction(scene(i));
  }

  /** Sets the curriculum's gold radius for episodes that start from now on; 0 = anywhere. */
  public void setGoldRadius(int radius) {
    if (radius < 0) {
      throw new IllegalArgumentException("gold radius must be 0 (anywhere) or positive; got " + radius);
    }
    goldRadius = radius;
  }

  /** The gold radius new episodes use; 0 = anywhere. */
  public int goldRadius() {
    return goldRadius;
  }

  /**
   * The seed of instance {@code i}'s current episode: a {@link GoldWorld} of the same preset,
   * with {@link GoldWorld#setGoldRadius} set to {@link #episodeLevel(int)}, starts the same
   * episode from {@code reset(seed)}.
   */
  @Override
  public long episodeSeed(int i) {
    checkIndex(i);
    return Seeds.at(episodeStream[i], episode[i]);
  }

  /**
   * The gold radius instance {@code i}'s current episode started with (the curriculum level;
   * 0 = anywhere). It may differ from {@link #goldRadius()}: the curriculum grows the radius
   * after a step, when the episodes that step began have already been laid out.
   */
  @Override
  public int episodeLevel(int i) {
    checkIndex(i);
    return episodeRadius[i];
  }

  @Override
  public Observation observation(int i) {
    checkIndex(i);
    Map<Channel, byte[]> channels = new EnumMap<>(Channel.class);
    byte[] video = new byte[spec.maxBytes(Channel.VIDEO)];
    if (preset.egocentric()) {
      egocentric(i, video, 0);
    } else {
      System.arraycopy(grid, i * cells, video, 0, cells);
    }
    channels.put(Channel.VIDEO, video);
    channels.put(Channel.TEXT, mission);
    channels.put(Channel.MOTOR, new byte[] {previous[i]});
    Image image = rgb == null ? null
        : new Image(preset.imageWidth(), preset.imageHeight(),
            java.util.Arrays.copyOfRange(rgb, i * frame, (i + 1) * frame));
    return new Observation(channels, image);
  }

  /**
   * Writes instance {@code i}'s egocentric view {@code (k, k)} into {@code out[off…]}: the
   * agent sits in the bottom row's middle, facing up; cells beyond the grid read as walls.
   * Walls do not hide what is behind them.
   */
  public void egocentric(int i, byte[] out, int off) {
    int k = preset.view();
    int gh = preset.gridHeight();
    int h = heading[i];
    int ax = agent[i] % gw;
    int ay = agent[i] / gw;
    int rh = Cell.right(h);
    for (int row = 0; row < k; row++) {
      int ahead = k - 1 - row;
      for (int col = 0; col < k; col++) {
        int side = col - k / 2;
        int x = ax + Cell.DX[h] * ahead + Cell.DX[rh] * side;
        int y = ay + Cell.DY[h] * ahead + Cell.DY[rh] * side;
        byte c = x < 0 || y < 0 || x >= gw || y >= gh ? Cell.WALL : grid[i * cells + y * gw + x];
        out[off + row * k + col] = Cell.isAgent(c) ? Cell.agent(Cell.NORTH) : c;
      }
    }
  }

  /** The live symbolic grids {@code (N, GH, GW)}; read-only, overwritten by each step. */
  public byte[] symbolic() {
    return grid;
  }

  /** The live pictures {@code (N, IH, IW, 3)}, or {@code null} when the preset draws none. */
  public byte[] pictures() {
    return rgb;
  }

  /** Instance {@code i}'s state as a scene. */
  public GoldScene scene(int i) {
    checkIndex(i);
    return new GoldScene(preset.width(), preset.height(),
        java.util.Arrays.copyOfRange(grid, i * cells, (i + 1) * cells), steps[i],
        preset.maxSteps(), preset.gold());
  }

  /** Puts a hand-made scene into instance {@code i} (tests, tutorials, replays). */
  public void load(int i, GoldScene scene) {
    checkRange(i);
    if (scene.width() != preset.width() || scene.height() != preset.height()) {
      throw new IllegalArgumentException("scene of " + scene.width() + "x" + scene.height()
          + " does not fit preset " + preset.name() + " (" + preset.width() + "x" + preset.height() + ")");
    }
    if (scene.gold() != preset.gold()) {
      throw new IllegalArgumentException("scene started with " + scene.gold() + " gold but preset "
          + preset.name() + " has " + preset.gold() + "; use a preset with as many gold pieces");
    }
    System.arraycopy(scene.cells(), 0, grid, i * cells, cells);
    agent[i] = scene.agentCell();
    heading[i] = (byte) scene.heading();
    steps[i] = scene.steps();
    goldLeft[i] = scene.goldLeft();
    previous[i] = 0;
    if (rgb != null) {
      renderer.render(grid, i * cells, gw, preset.gridHeight(), rgb, i * frame);
    }
    ready = true;
  }

  void markReady() {
    ready = true;
  }

  double reward64(int i) {
    return reward64[i];
  }

  GoldLayouts.Scratch scratch() {
    return scratch[0];
  }

  private void checkIndex(int i) {
    checkRange(i);
    if (!ready) {
      throw new IllegalStateException("reset the batch before reading it");
    }
  }

  private void checkRange(int i) {
    if (i < 0 || i >= size) {
      throw new IllegalArgumentException("instance must be between 0 and " + (size - 1) + "; got " + i);
    }
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
  public void close() {
    crew.close();
  }
}
