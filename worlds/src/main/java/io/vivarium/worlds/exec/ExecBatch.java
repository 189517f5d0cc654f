package io.vivarium.worlds.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.config.ExecConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.TextExpert;
import io.vivarium.worlds.AnswerBatch;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The exec world as a colony lives in it (seed 000): each instance is one thought — a program
 * generated, run in the sandbox and rewarded — and each group of instances is one mind. The
 * members of a group see the same context (the program the group chose last, its outcome record,
 * fresh random bytes); each writes a program; all of a step's programs run in parallel on the
 * colony's shared sandbox workers; the group's best program becomes what it said (its next
 * context and its kept output). Every program is an episode of one step, so group-relative
 * advantages compare programs written from one context.
 *
 * <p>Episode seeds identify episodes in the records but do not replay them (the group's context is
 * not in the seed; programs may read clocks or {@code AT_RANDOM}; the live preset reads the
 * kernel's random source). Not thread-safe: one thread steps it (it runs programs on the pool's
 * worker threads).
 *
 * <p>With a teacher ({@code world.exec.teacher}, {@link #of}) the batch is also a {@link TextExpert}:
 * its answer for an instance is one of the teacher's programs, so cloning learners copy them.
 */
public sealed class ExecBatch extends AnswerBatch permits ExecBatch.Taught {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExecSettings settings;
  private final ExecConfig context;
  private final SharedPools.Lease lease;
  private final ExecReward reward;
  private final ColonyCounts counts;
  private final Spec spec;
  private final boolean live;
  private int group = 1;
  private long seed;
  private long[] episodes; // per group
  private byte[][] said; // per group: the program it chose last
  private ExecOutcome[] heard; // per group: that program's outcome
  private Observation[] shown; // per group
  private Random liveNoise;
  private long runs;

  /** A batch of {@code size} instances running on the shared pool of {@code workers} sandbox processes. */
  public ExecBatch(ExecSettings settings, ExecConfig context, ColonyCounts counts, int size) {
    super(size);
    this.settings = settings;
    this.context = context;
    this.live = settings.machineState();
    this.counts = counts;
    this.reward = ExecReward.parse(settings.reward(), readOnly(counts));
    this.spec = spec(settings, context);
    this.lease = SharedPools.lease(settings.limits(), context.workers());
  }

  /**
   * A colony's batch: with {@code context.teacher()} set, one whose {@link TextExpert} answers are
   * the teacher's programs.
   *
   * @throws IllegalArgumentException when the teacher cannot be loaded (see {@link ExecTeacher#load})
   */
  public static ExecBatch of(ExecSettings settings, ExecConfig context, ColonyCounts counts, int size) {
    if (context.teacher().isEmpty()) {
      return new ExecBatch(settings, context, counts, size);
    }
    ExecTeacher teacher = ExecTeacher.load(context.teacher(), settings.actionBytes());
    return new Taught(settings, context, counts, size, teacher);
  }

  /** An exec batch whose expert answers are a teacher's programs. */
  static final class Taught extends ExecBatch implements TextExpert {
    private final ExecTeacher teacher;

    Taught(ExecSettings settings, ExecConfig context, ColonyCounts counts, int size, ExecTeacher teacher) {
      super(settings, context, counts, size);
      this.teacher = teacher;
    }

    @Override
    public byte[] expertText(int i) {
      return teacher.program(episodeSeed(i), i);
    }
  }

  /** {@code counts} for the reward to read: the batch adds every program itself. */
  private static ColonyCounts readOnly(ColonyCounts counts) {
    return new ColonyCounts() {
      @Override
      public void add(byte[] bytes) {}

      @Override
      public long[] snapshot() {
        return counts.snapshot();
      }
    };
  }

  /** What a batch of {@code settings} with {@code context} promises, known without a sandbox. */
  public static Spec spec(ExecSettings settings, ExecConfig context) {
    EnumMap<Channel, Integer> max = new EnumMap<>(Channel.class);
    max.put(Channel.TOUCH, context.touch() ? TouchRecord.BYTES + (settings.machineState() ? TouchRecord.MACHINE_BYTES : 0) : 0);
    max.put(Channel.TEXT, Math.min(context.output(), ExecProtocol.OUTPUT_SLOTS));
    max.put(Channel.MOTOR, context.lastOutput() ? settings.actionBytes() : 0);
    max.put(Channel.NOISE, noiseBytes(settings, context));
    return new Spec("exec", settings.preset(), max, 0, 0, Channel.MOTOR, settings.actionBytes(), new byte[0], 1);
  }

  private static int noiseBytes(ExecSettings settings, ExecConfig context) {
    return context.noise() < 0 ? settings.noiseBytes() : context.noise();
  }

  @Override
  public Spec spec() {
    return spec;
  }

  /** Groups of {@code group} consecutive instances share one mind: its context and its outputs. */
  @Override
  public void reset(long seed, int group) {
    int groups = groups(group, "exec");
    this.group = group;
    this.seed = seed;
    episodes = new long[groups];
    said = new byte[groups][0];
    heard = new ExecOutcome[groups];
    shown = new Observation[groups];
    for (int g = 0; g < groups; g++) {
      shown[g] = observe(g);
    }
    forgetLastStep();
  }

  @Override
  public void step(Action[] actions) {
    if (shown == null) {
      throw new IllegalStateException("reset the batch before stepping it");
    }
    if (actions.length != size) {
      throw new IllegalArgumentException("a batch of " + size + " needs as many actions; got " + actions.length);
    }
    byte[][] programs = new byte[size][];
    for (int i = 0; i < size; i++) {
      byte[] b = actions[i].motor().length > 0 ? actions[i].motor() : actions[i].text();
      programs[i] = b.length <= settings.actionBytes() ? b : Arrays.copyOf(b, settings.actionBytes());
    }
    ExecOutcome[] outcomes = lease.pool().runAll(programs);
    runs += size;
    double evenness = 0;
    double distinct = 0;
    double entropy = 0;
    ExecReward.Scored[] scored = new ExecReward.Scored[size];
    for (int i = 0; i < size; i++) {
      counts.add(programs[i]); // the colony's byte distribution sees every program, once, before it is scored
      scored[i] = reward.scored(programs[i], outcomes[i]);
      rewards[i] = (float) scored[i].total();
      terminated[i] = false;
      truncated[i] = true; // every program is an episode of its own
      evenness += ExecReward.syscallEvenness(outcomes[i]);
      distinct += ExecReward.distinct(outcomes[i]);
      entropy += ExecReward.byteEntropy(programs[i]);
    }
    List<Output> kept = new ArrayList<>(size / group);
    for (int g = 0; g < size / group; g++) {
      int best = g * group;
      for (int i = best + 1; i < (g + 1) * group; i++) {
        best = rewards[i] > rewards[best] ? i : best;
      }
      said[g] = programs[best];
      heard[g] = outcomes[best];
      episodes[g]++;
      shown[g] = observe(g);
      kept.add(new Output(best, programs[best], rewards[best], details(outcomes[best], scored[best])));
    }
    outputs = kept;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("evenness", evenness / size);
    m.put("distinct_calls", distinct / size);
    m.put("byte_entropy", entropy / size);
    measures = m;
  }

  /** What group {@code g} sees now: its last output, its outcome, fresh random bytes. */
  private Observation observe(int g) {
    EnumMap<Channel, byte[]> channels = new EnumMap<>(Channel.class);
    ExecOutcome o = heard[g];
    if (spec.maxBytes(Channel.TOUCH) > 0) {
      channels.put(Channel.TOUCH, TouchRecord.of(o, (int) Math.min(episodes[g], Integer.MAX_VALUE),
          o == null ? 0 : o.syscalls(), live, runs));
    }
    int text = spec.maxBytes(Channel.TEXT);
    if (text > 0) {
      byte[] out = o == null ? new byte[0] : o.output();
      channels.put(Channel.TEXT, out.length <= text ? out : Arrays.copyOf(out, text));
    }
    if (spec.maxBytes(Channel.MOTOR) > 0) {
      channels.put(Channel.MOTOR, said[g]);
    }
    int n = spec.maxBytes(Channel.NOISE);
    if (n > 0) {
      byte[] noise = new byte[n];
      if (live) {
        liveNoise().nextBytes(noise); // seed 000 read /dev/random
      } else {
        new java.util.SplittableRandom(groupEpisodeSeed(g)).nextBytes(noise); // as ExecWorld.reset(seed) draws it
      }
      channels.put(Channel.NOISE, noise);
    }
    return new Observation(channels, null);
  }

  private Random liveNoise() {
    if (liveNoise == null) {
      try {
        liveNoise = SecureRandom.getInstance("NativePRNGNonBlocking"); // the kernel's random source
      } catch (NoSuchAlgorithmException e) {
        liveNoise = new SecureRandom();
      }
    }
    return liveNoise;
  }

  /** The outcome as JSON with its one-line summary, its reward and the reward's terms. */
  private static String details(ExecOutcome o, ExecReward.Scored s) {
    try {
      ObjectNode n = (ObjectNode) JSON.readTree(o.toJson());
      n.put("outcome", o.summary());
      n.put("reward", s.total());
      ObjectNode terms = n.putObject("rewards");
      s.terms().forEach(terms::put);
      return JSON.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("exec outcome JSON is malformed: " + e.getMessage(), e);
    }
  }

  /**
   * The seed of instance {@code i}'s current episode: the one its group's random bytes come from
   * (a single {@link ExecWorld} reset with it shows the same noise). It identifies the episode in
   * the records; like every byte-sequence world's, exec episodes are recorded without their
   * programs, and the group's context is not in the seed, so they are not replayed.
   */
  @Override
  public long episodeSeed(int i) {
    if (shown == null) {
      throw new IllegalStateException("reset the batch before reading it");
    }
    return groupEpisodeSeed(i / group);
  }

  private long groupEpisodeSeed(int g) {
    return Seeds.derive(Seeds.derive(seed, "group", g), "episode", episodes[g]);
  }

  @Override
  public Observation observation(int i) {
    return shown[i / group];
  }

  @Override
  public void close() {
    lease.close();
  }
}
