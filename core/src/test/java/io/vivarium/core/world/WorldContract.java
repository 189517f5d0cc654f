package io.vivarium.core.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every world keeps, run against each registered world by a subclass in the
 * module that implements it: same seed → same rollout, observations within the declared spec,
 * batch equal to single.
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
    try (WorldBatch batch = batch(n)) {
      batch.reset(5);
      List<World> singles = new ArrayList<>();
      SerialWorldBatch reference = new SerialWorldBatch(this::create, n);
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
      reference.close();
      singles.forEach(World::close);
    }
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
