package io.vivarium.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vivarium.core.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every world keeps, run against each registered world by a subclass in the
 * module that implements it: same seed → same rollout, observations within the declared spec,
 * batch equal to single, and — for worlds whose actions are byte sequences — actions of every
 * length read up to {@link Spec#actionBytes()} (longer ones truncated or refused clearly).
 *
 * <p>Subclasses must build a reproducible preset (exec: no machine state). Not thread-safe;
 * JUnit runs each test on a fresh instance.
 */
public abstract class WorldContract {
  /** A fresh single instance of the world under test. */
  protected abstract World create();

  /** A batch of the world under test; by default the generic serial batch. */
  protected WorldBatch batch(int size) {
    return WorldBatch.of(this::create, size);
  }

  /** Actions to try: drawn from the spec's alphabet, else random bytes. */
  protected Action randomAction(Spec spec, SplittableRandom rng) {
    byte[] alphabet = spec.actionAlphabet();
    byte[] bytes = new byte[alphabet.length > 0 ? 1 : 1 + rng.nextInt(spec.actionBytes())];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = alphabet.length > 0 ? alphabet[rng.nextInt(alphabet.length)] : (byte) rng.nextInt(256);
    }
    return spec.actionChannel() == Channel.TEXT ? Action.text(bytes) : Action.motor(bytes);
  }

  /**
   * A fixed action of {@code length} bytes on the spec's action channel, so that replays are
   * reproducible: {@code 0x90} (an x86 {@code nop}) on {@code motor}, {@code 'a'} on
   * {@code text}. Worlds whose filler needs another byte override it.
   */
  protected Action sequenceAction(Spec spec, int length) {
    byte[] bytes = new byte[length];
    boolean text = spec.actionChannel() == Channel.TEXT;
    Arrays.fill(bytes, text ? (byte) 'a' : (byte) 0x90);
    return text ? Action.text(bytes) : Action.motor(bytes);
  }

  /** Steps to roll out in each test; worlds with slow steps lower it. */
  protected int rolloutSteps() {
    return 200;
  }

  @Test
  void sameSeedGivesTheSameRollout() {
    try (World a = create(); World b = create()) {
      assertThat(rollout(a, 7)).isEqualTo(rollout(b, 7));
    }
  }

  @Test
  void observationsStayWithinTheSpec() {
    try (World w = create()) {
      Spec spec = w.spec();
      SplittableRandom rng = new SplittableRandom(3);
      Observation o = w.reset(11);
      for (int i = 0; i < rolloutSteps(); i++) {
        assertWithinSpec(spec, o);
        Step s = w.step(randomAction(spec, rng));
        assertThat(s.reward()).isFinite();
        o = s.done() ? w.reset(11 + i) : s.observation();
      }
    }
  }

  @Test
  void batchEqualsSingleWorlds() {
    int n = 3;
    try (WorldBatch batch = batch(n); SerialWorldBatch reference = new SerialWorldBatch(this::create, n)) {
      batch.reset(5);
      reference.reset(5);
      SplittableRandom rng = new SplittableRandom(9);
      for (int t = 0; t < rolloutSteps(); t++) {
        Action[] actions = new Action[n];
        for (int i = 0; i < n; i++) {
          actions[i] = randomAction(batch.spec(), rng);
        }
        batch.step(actions);
        reference.step(actions);
        assertThat(batch.rewards()).isEqualTo(reference.rewards());
        assertThat(batch.terminated()).isEqualTo(reference.terminated());
        assertThat(batch.truncated()).isEqualTo(reference.truncated());
        for (int i = 0; i < n; i++) {
          assertThat(describe(batch.observation(i))).isEqualTo(describe(reference.observation(i)));
        }
      }
    }
  }

  @Test
  void sequenceActionsAreReadUpToTheSpecAndLongerOnesTruncatedOrRefused() {
    try (World w = create()) {
      Spec spec = w.spec();
      assumeTrue(spec.actionBytes() > 1, spec.preset() + " reads one-byte actions only");
      int max = spec.actionBytes();
      assertThat(stepOnce(w, sequenceAction(spec, 1), false)).isNotNull();
      String exact = stepOnce(w, sequenceAction(spec, max), false);
      assertThat(exact).isNotNull();
      String over = stepOnce(w, sequenceAction(spec, max + 10), true);
      if (over != null) {
        assertThat(over).as("an action of %d bytes is read as its first %d", max + 10, max)
            .isEqualTo(exact);
      }
    }
  }

  @Test
  void sameSeedAndSequenceActionsGiveTheSameRollout() {
    try (World a = create(); World b = create()) {
      assumeTrue(a.spec().actionBytes() > 1, a.spec().preset() + " reads one-byte actions only");
      assertThat(sequenceRollout(a, 13)).isEqualTo(sequenceRollout(b, 13));
    }
  }

  /**
   * Resets {@code w} to a fixed seed and steps it once with {@code action}; returns the step's
   * rendering, or {@code null} when {@code mayRefuse} and the world refused the action with an
   * IllegalArgumentException that names its limit.
   */
  private static String stepOnce(World w, Action action, boolean mayRefuse) {
    Spec spec = w.spec();
    w.reset(21);
    Step s;
    try {
      s = w.step(action);
    } catch (IllegalArgumentException e) {
      if (!mayRefuse) {
        throw e;
      }
      assertThat(e.getMessage()).as("the refusal names the limit")
          .contains(Integer.toString(spec.actionBytes()));
      return null;
    }
    assertThat(s.reward()).isFinite();
    assertWithinSpec(spec, s.observation());
    return describe(s.observation()) + " r=" + s.reward() + " " + s.terminated() + s.truncated();
  }

  /** A rollout whose action lengths cycle through 1, half of and all of the spec's bytes. */
  private List<String> sequenceRollout(World w, long seed) {
    Spec spec = w.spec();
    int[] lengths = {1, Math.max(1, spec.actionBytes() / 2), spec.actionBytes()};
    List<String> trace = new ArrayList<>();
    trace.add(describe(w.reset(seed)));
    for (int i = 0; i < Math.min(rolloutSteps(), 12); i++) {
      Step s = w.step(sequenceAction(spec, lengths[i % lengths.length]));
      trace.add(describe(s.observation()) + " r=" + s.reward() + " " + s.terminated() + s.truncated());
      if (s.done()) {
        trace.add(describe(w.reset(seed + i + 1)));
      }
    }
    return trace;
  }

  private List<String> rollout(World w, long seed) {
    List<String> trace = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    Observation o = w.reset(seed);
    trace.add(describe(o));
    for (int i = 0; i < rolloutSteps(); i++) {
      Step s = w.step(randomAction(w.spec(), rng));
      trace.add(describe(s.observation()) + " r=" + s.reward() + " " + s.terminated() + s.truncated());
      if (s.done()) {
        o = w.reset(seed + i + 1);
        trace.add(describe(o));
      }
    }
    return trace;
  }

  private static void assertWithinSpec(Spec spec, Observation o) {
    for (var e : o.channels().entrySet()) {
      assertThat(e.getValue().length)
          .as("bytes on channel %s", e.getKey().key())
          .isLessThanOrEqualTo(spec.maxBytes(e.getKey()));
    }
    if (o.hasImage()) {
      assertThat(o.image().width()).isEqualTo(spec.imageWidth());
      assertThat(o.image().height()).isEqualTo(spec.imageHeight());
    }
  }

  /** A value-comparable rendering of an observation. */
  protected static String describe(Observation o) {
    StringBuilder b = new StringBuilder();
    o.channels().forEach((c, bytes) -> b.append(c.key()).append(Arrays.toString(bytes)).append(';'));
    if (o.hasImage()) {
      b.append("image").append(Arrays.hashCode(o.image().rgb()));
    }
    return b.toString();
  }
}
