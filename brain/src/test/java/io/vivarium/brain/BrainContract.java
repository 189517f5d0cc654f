package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Brain} keeps, run against each implementation by a subclass:
 * shapes of what it returns, same seed → same actions, save/load round trip, copies, seeded
 * mutation and an idempotent close. Generations stay short so that a small brain runs it in
 * seconds. Not thread-safe; JUnit runs each test on a fresh instance.
 */
public abstract class BrainContract {
  private static final Sampling SAMPLING = new Sampling(1.0, 0, 6, -1, Channel.MOTOR);

  @TempDir Path dir;

  /** A fresh brain with weights drawn from {@code seed}. */
  protected abstract Brain create(long seed);

  /** Reads a file written by {@link Brain#save}. */
  protected abstract Brain load(Path file) throws IOException;

  /** Inputs to act on: a few short prompts on different channels. */
  protected List<BrainInput> inputs() {
    return List.of(
        BrainInput.prompt(Channel.TEXT, "where is the gold?".getBytes(StandardCharsets.US_ASCII)),
        BrainInput.prompt(Channel.TOUCH, new byte[] {0, 1, 2, 3, 4, 5, 6, 7}),
        BrainInput.prompt(Channel.MOTOR, new byte[] {(byte) 0x90}));
  }

  @Test
  void actReturnsOneConsistentActedPerInput() {
    try (Brain b = create(1)) {
      List<Acted> acted = b.act(inputs(), SAMPLING, new SplittableRandom(2));
      assertThat(acted).hasSameSizeAs(inputs());
      for (Acted a : acted) {
        assertThat(a.tokens()).hasSameSizeAs(a.logProbs()).isNotEmpty();
        assertThat(a.bytes().length).isLessThanOrEqualTo(SAMPLING.maxBytes());
        List<Byte> bytes = new ArrayList<>();
        for (int i = 0; i < a.tokens().length; i++) {
          int t = a.tokens()[i];
          boolean lastEos = t == Vocabulary.EOS && i == a.tokens().length - 1;
          assertThat(Vocabulary.isByte(t) || lastEos).as("token %d is %d", i, t).isTrue();
          if (!lastEos) {
            bytes.add((byte) t);
          }
          assertThat(a.logProbs()[i]).isFinite().isLessThanOrEqualTo(0f);
        }
        assertThat(a.bytes()).containsExactly(toArray(bytes));
        assertThat(a.value()).isFinite();
      }
    }
  }

  @Test
  void embedGivesDimFiniteFloatsAndShapeMatchesTheParameters() {
    try (Brain b = create(1)) {
      assertThat(b.lastHidden()).isEmpty();
      assertThat(b.parameterCount()).isEqualTo(b.shape().parameterCount());
      float[] e = b.embed(inputs().get(0));
      assertThat(e).hasSize(b.shape().dim());
      for (float f : e) {
        assertThat(f).isFinite();
      }
      assertThat(b.lastHidden()).isNotEmpty();
      assertThat(b.lastHidden()[0]).hasSize(b.shape().dim());
      assertThat(b.generate(inputs().get(0), SAMPLING, new SplittableRandom(3)).length)
          .isLessThanOrEqualTo(SAMPLING.maxBytes());
    }
  }

  @Test
  void sameSeedGivesTheSameActionsAndOtherSeedsDiffer() {
    try (Brain a = create(5); Brain b = create(5); Brain c = create(6)) {
      assertThat(trace(b, 7)).isEqualTo(trace(a, 7));
      assertThat(trace(c, 7)).as("another weight seed").isNotEqualTo(trace(a, 7));
      assertThat(trace(a, 8)).as("another sampling seed").isNotEqualTo(trace(a, 7));
      assertThat(b.embed(inputs().get(1))).containsExactly(a.embed(inputs().get(1)));
    }
  }

  @Test
  void saveLoadRoundTripActsAndEmbedsTheSame() throws IOException {
    Path file = dir.resolve("brain.bin");
    Path again = dir.resolve("again.bin");
    try (Brain b = create(9)) {
      b.mutate(0.05, 1);
      b.save(file);
      try (Brain back = load(file)) {
        assertThat(back.shape()).isEqualTo(b.shape());
        assertThat(trace(back, 4)).isEqualTo(trace(b, 4));
        for (BrainInput in : inputs()) {
          assertThat(back.embed(in)).containsExactly(b.embed(in));
        }
        back.save(again);
      }
      assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void aCopyIsEqualThenIndependent() throws IOException {
    try (Brain parent = create(11); Brain child = parent.copy()) {
      List<String> before = trace(parent, 3);
      assertThat(trace(child, 3)).isEqualTo(before);
      assertThat(saved(child, "child")).isEqualTo(saved(parent, "parent"));
      child.mutate(0.05, 2);
      assertThat(trace(parent, 3)).as("the parent after its copy mutated").isEqualTo(before);
      assertThat(saved(child, "mutated")).isNotEqualTo(saved(parent, "parent"));
    }
  }

  @Test
  void mutationIsSeeded() throws IOException {
    try (Brain parent = create(12); Brain a = parent.copy(); Brain b = parent.copy();
        Brain c = parent.copy(); Brain d = parent.copy()) {
      a.mutate(0.05, 99);
      b.mutate(0.05, 99);
      c.mutate(0.05, 100);
      d.mutate(0, 5);
      assertThat(saved(b, "b")).isEqualTo(saved(a, "a"));
      assertThat(trace(b, 1)).isEqualTo(trace(a, 1));
      assertThat(saved(c, "c")).isNotEqualTo(saved(a, "a"));
      assertThat(trace(c, 1)).isNotEqualTo(trace(a, 1));
      assertThat(saved(d, "d")).as("sigma 0 changes nothing").isEqualTo(saved(parent, "p"));
      assertThatThrownBy(() -> a.mutate(-1, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
    }
  }

  @Test
  void closeIsIdempotent() {
    Brain b = create(13);
    b.close();
    b.close();
  }

  /** Everything observable of acting on {@link #inputs()} with sampling seed {@code rng}. */
  private List<String> trace(Brain b, long rng) {
    List<String> out = new ArrayList<>();
    for (Acted a : b.act(inputs(), SAMPLING, new SplittableRandom(rng))) {
      out.add(java.util.Arrays.toString(a.tokens()) + java.util.Arrays.toString(a.logProbs())
          + " v=" + a.value());
    }
    return out;
  }

  private byte[] saved(Brain b, String name) throws IOException {
    Path file = dir.resolve(name + ".bin");
    b.save(file);
    return Files.readAllBytes(file);
  }

  private static byte[] toArray(List<Byte> bytes) {
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }
}
