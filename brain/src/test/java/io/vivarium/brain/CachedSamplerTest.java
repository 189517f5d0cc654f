package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.world.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The key/value-cached sampler ({@link Sampler#run}) against the uncached reference
 * ({@link Sampler#runUncached}): same tokens, log-probabilities within 1e-4, same values, for
 * batches whose prefixes differ in length, with and without image patches, rows that stop
 * early and rows that outgrow the block.
 */
class CachedSamplerTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 16, 24, 0);

  /** Prompts of different lengths (some with a causal tail), optionally after 4 patches. */
  private static List<BrainInput> inputs(int b, boolean patches, SplittableRandom rng) {
    List<BrainInput> in = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      int n = 1 + rng.nextInt(20);
      int[] tokens = new int[n];
      byte[] channels = new byte[n];
      for (int j = 0; j < n; j++) {
        tokens[j] = j == 0 ? Vocabulary.marker(Channel.TEXT) : rng.nextInt(256);
        channels[j] = (byte) rng.nextInt(Channel.values().length);
      }
      int prefix = rng.nextBoolean() ? n : Math.max(1, n - 3);
      Patches p = Patches.none(SHAPE.patch());
      if (patches) {
        byte[] rgb = new byte[8 * 8 * 3];
        rng.nextBytes(rgb);
        p = Patches.of(new Image(8, 8, rgb), SHAPE.patch());
      }
      in.add(new BrainInput(tokens, channels, prefix, p));
    }
    return in;
  }

  @Test
  void cachedSamplingEqualsTheUncachedReference() {
    int earlyStops = 0;
    int slid = 0;
    for (long seed : new long[] {1, 2, 3}) {
      try (TorchBrain brain = TorchBrain.create(SHAPE, seed)) {
        brain.mutate(0.15, seed); // sharper distributions than the initialisation's
        for (int b : new int[] {1, 3, 8}) {
          for (boolean patches : new boolean[] {false, true}) {
            List<BrainInput> in = inputs(b, patches, new SplittableRandom(seed * 31 + b));
            if (b == 8 && !patches) { // groups of equal contexts (GRPO's): prefilled once each
              List<BrainInput> grouped = new ArrayList<>();
              for (int i = 0; i < b; i++) {
                grouped.add(in.get(i / 4));
              }
              in = grouped;
            }
            for (Sampling s : samplings(brain, in)) {
              String what = "seed " + seed + ", batch " + b + ", patches " + patches + ", " + s;
              List<Acted> want = Sampler.runUncached(brain, in, s, new SplittableRandom(seed));
              List<Acted> got = Sampler.run(brain, in, s, new SplittableRandom(seed));
              for (int i = 0; i < b; i++) {
                assertSame(what + ", row " + i, got.get(i), want.get(i));
                earlyStops += want.get(i).tokens().length < s.maxBytes() ? 1 : 0;
                slid += in.get(i).tokens().length + want.get(i).tokens().length > SHAPE.block() ? 1 : 0;
              }
            }
          }
        }
      }
    }
    assertThat(earlyStops).as("rows that stopped before maxBytes").isPositive();
    assertThat(slid).as("rows that outgrew the block").isPositive();
  }

  /** Greedy, temperature 1, top-k; and greedy with a stop byte that ends one row early. */
  private static List<Sampling> samplings(TorchBrain brain, List<BrainInput> in) {
    Sampling greedy = new Sampling(0, 0, 16, -1, Channel.MOTOR);
    List<Sampling> all = new ArrayList<>(List.of(greedy, greedy.withTemperature(1),
        greedy.withTemperature(0.7).withTopK(5)));
    int[] first = Sampler.runUncached(brain, in, greedy, new SplittableRandom(0))
        .get(in.size() - 1).tokens();
    if (first.length > 3 && Vocabulary.isByte(first[3])) {
      all.add(greedy.withStopByte(first[3]));
    }
    return all;
  }

  private static void assertSame(String what, Acted got, Acted want) {
    assertThat(got.tokens()).as(what).containsExactly(want.tokens());
    assertThat(got.bytes()).as(what).containsExactly(want.bytes());
    assertThat(got.value()).as(what).isCloseTo(want.value(), within(1e-5f)); // a batch of other shape rounds apart
    for (int j = 0; j < want.logProbs().length; j++) {
      assertThat(got.logProbs()[j]).as(what + ", log-prob " + j)
          .isCloseTo(want.logProbs()[j], within(1e-4f));
    }
  }

  @Test
  void cachedSamplingKeepsTheLiveArrayCountFlat() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 4)) {
      SplittableRandom rng = new SplittableRandom(4);
      Sampling s = new Sampling(1, 0, 30, -1, Channel.MOTOR); // long enough to pass the block
      long warm = 0;
      long handles = 0;
      for (int i = 0; i < 300; i++) {
        brain.act(inputs(1 + i % 4, i % 2 == 0, rng), s, rng);
        if (i == 20) {
          warm = arrays(brain);
          handles = Torch.liveHandles();
        }
      }
      assertThat(arrays(brain)).isEqualTo(warm);
      // a handle left unclosed keeps its storage until a garbage collection: none may pile up
      assertThat(Torch.liveHandles()).as("JavaCPP handles alive").isLessThanOrEqualTo(handles);
    }
  }

  private static long arrays(TorchBrain brain) {
    return brain.update(w -> w.arena().parent().count());
  }
}
