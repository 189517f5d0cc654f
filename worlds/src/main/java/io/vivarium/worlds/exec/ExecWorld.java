package io.vivarium.worlds.exec;

import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The exec world (seed 000): each step runs the action's {@code motor} bytes as one program in
 * the sandbox and rewards what it did. An episode is {@link ExecSettings#maxSteps()} programs
 * and ends by truncation; a crashing or hanging program is an ordinary outcome.
 *
 * <p>Observation channels: {@code touch} the outcome record and counters ({@link #TOUCH_BYTES}
 * bytes, layout in docs/sandbox.md; 16 more with machine state), {@code text} the program's
 * output (capped), {@code motor} the last program, {@code noise} random bytes from the
 * episode's seed. Reproducible for a seed, except with machine state or programs that read
 * clocks or {@code AT_RANDOM}.
 *
 * <p>Not thread-safe (one instance per thread); a shared {@link ExecutorPool} is.
 */
public final class ExecWorld implements World {
  /** Bytes of the {@code touch} record without machine state. */
  public static final int TOUCH_BYTES = TouchRecord.BYTES;
  private static final int MACHINE_BYTES = TouchRecord.MACHINE_BYTES;

  private final ExecSettings settings;
  private final ExecutorPool pool;
  private final boolean ownsPool;
  private final ExecReward reward;
  private final Spec spec;
  private SplittableRandom rng;
  private int step;
  private long episodeSyscalls;
  private long runs;
  private boolean done = true;

  /** A world with its own one-worker sandbox pool and byte counts. */
  public ExecWorld(ExecSettings settings) {
    this(settings, new ExecutorPool(settings.limits(), 1), true, ColonyCounts.local());
  }

  /** A world running on a shared {@code pool} (not closed with the world) and shared {@code counts}. */
  public ExecWorld(ExecSettings settings, ExecutorPool pool, ColonyCounts counts) {
    this(settings, pool, false, counts);
  }

  /**
   * A batch of {@code size} worlds sharing one executor (a serial batch steps one world at a
   * time, so one suffices); the first world owns it, so closing the batch closes it.
   */
  public static WorldBatch batch(ExecSettings settings, int size) {
    ExecutorPool pool = new ExecutorPool(settings.limits(), 1);
    int[] made = {0};
    return WorldBatch.of(() -> new ExecWorld(settings, pool, made[0]++ == 0, ColonyCounts.local()), size);
  }

  private ExecWorld(ExecSettings settings, ExecutorPool pool, boolean owns, ColonyCounts counts) {
    if (pool.limits().mode() != settings.limits().mode()) {
      throw new IllegalArgumentException("exec pool runs " + pool.limits().mode().key()
          + " programs but the settings ask for " + settings.limits().mode().key());
    }
    this.settings = settings;
    this.pool = pool;
    this.ownsPool = owns;
    this.reward = ExecReward.parse(settings.reward(), counts);
    this.spec = spec(settings);
  }

  /** What worlds of {@code settings} promise, known without starting a sandbox. */
  public static Spec spec(ExecSettings settings) {
    EnumMap<Channel, Integer> max = new EnumMap<>(Channel.class);
    max.put(Channel.TOUCH, TOUCH_BYTES + (settings.machineState() ? MACHINE_BYTES : 0));
    max.put(Channel.TEXT, settings.outputBytes());
    max.put(Channel.MOTOR, settings.actionBytes());
    max.put(Channel.NOISE, settings.noiseBytes());
    return new Spec("exec", settings.preset(), max, 0, 0, Channel.MOTOR,
        settings.actionBytes(), new byte[0], settings.maxSteps());
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Observation reset(long seed) {
    rng = new SplittableRandom(seed);
    step = 0;
    episodeSyscalls = 0;
    done = false;
    return observe(new byte[0], null);
  }

  @Override
  public Step step(Action action) {
    if (done) {
      throw new IllegalStateException("exec world: call reset before step (the episode is over "
          + "or never started)");
    }
    byte[] bytes = action.motor().length > 0 ? action.motor() : action.text();
    byte[] program = bytes.length <= settings.actionBytes() ? bytes
        : Arrays.copyOf(bytes, settings.actionBytes());
    ExecOutcome outcome = pool.run(program);
    runs++;
    step++;
    episodeSyscalls += outcome.syscalls();
    ExecReward.Scored r = reward.scored(program, outcome);
    done = step >= settings.maxSteps();
    return new Step(observe(program, outcome), r.total(), false, done,
        Map.of("outcome", outcome.summary(), "syscalls", Integer.toString(outcome.syscalls()),
            "histogram", outcome.histogramText(), "rewards", r.text()));
  }

  /** The last observation's parts: touch record, output, last program, noise. */
  private Observation observe(byte[] program, ExecOutcome o) {
    EnumMap<Channel, byte[]> channels = new EnumMap<>(Channel.class);
    channels.put(Channel.TOUCH, touch(o));
    byte[] out = o == null ? new byte[0] : o.output();
    channels.put(Channel.TEXT, out.length <= settings.outputBytes() ? out
        : Arrays.copyOf(out, settings.outputBytes()));
    channels.put(Channel.MOTOR, program);
    byte[] noise = new byte[settings.noiseBytes()];
    rng.nextBytes(noise);
    channels.put(Channel.NOISE, noise);
    return new Observation(channels, null);
  }

  private byte[] touch(ExecOutcome o) {
    return TouchRecord.of(o, step, episodeSyscalls, settings.machineState(), runs);
  }

  @Override
  public void close() {
    if (ownsPool) {
      pool.close();
    }
  }
}
