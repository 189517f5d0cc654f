package io.vivarium.brain.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Seeds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language-model training learns, leaks nothing, and the command-level entry points print the
 * promised lines.
 */
class LmTrainerTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 32, 32, 0);

  @TempDir Path dir;

  private static byte[] corpus() {
    return "the quick brown fox jumps over the lazy dog. ".repeat(400)
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void fiveHundredStepsLearnWithFlatArrayCountAndResidentMemory() throws IOException {
    LmOptions o = LmOptions.defaults(SHAPE).with(500, 4, 32, 3e-3).withIntervals(250, 4, 50);
    LmCorpus corpus = new LmCorpus(corpus(), 32, "test corpus");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 1)) {
      LmTrainer trainer = new LmTrainer(brain, corpus, o);
      SplittableRandom rng = Seeds.random(1, "test", 0);
      long[] x = new long[4 * 32];
      long[] y = new long[4 * 32];
      float before = trainer.evaluate()[1];
      long arraysAtWarmup = 0;
      long rssAtWarmup = 0;
      long handlesAtWarmup = 0;
      try (AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0.1))) {
        for (int it = 0; it < 500; it++) {
          corpus.batch(rng, 4, 32, false, x, y);
          trainer.step(opt, x, y, o.lrAt(it));
          if (it == 99) {
            arraysAtWarmup = arrays(brain);
            rssAtWarmup = rssKb();
            handlesAtWarmup = io.vivarium.brain.Torch.liveHandles();
          }
        }
        long arraysAtEnd = arrays(brain);
        long rssAtEnd = rssKb();
        System.out.printf("arrays %d -> %d, resident %d kB -> %d kB%n",
            arraysAtWarmup, arraysAtEnd, rssAtWarmup, rssAtEnd);
        assertThat(arraysAtEnd).isEqualTo(arraysAtWarmup);
        assertThat(io.vivarium.brain.Torch.liveHandles()).as("JavaCPP handles alive")
            .isLessThanOrEqualTo(handlesAtWarmup);
        // a leaked array shows in the count; native growth outside arrays above ~80 kB per step
        // shows here (the Java heap is pre-touched by the pom's argLine; ~6 MB is allocator noise)
        assertThat(rssAtEnd - rssAtWarmup).isLessThan(32 * 1024);
      }
      float after = trainer.evaluate()[1];
      assertThat(before).isGreaterThan(4.5f);
      assertThat(after).isLessThan(1.0f);
    }
  }

  @Test
  void runPrintsTheFinalLinesAndSavesABrainThatSamples() throws IOException {
    Path corpusFile = Files.write(dir.resolve("corpus.txt"), corpus());
    Path out = dir.resolve("lm.viv");
    LmOptions o = LmOptions.defaults(SHAPE).with(60, 4, 32, 3e-3).with(5, 1, out)
        .withIntervals(30, 2, 20);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LmTrainer.Result r = LmTrainer.run(corpusFile, o, new PrintWriter(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).containsPattern("(?m)^iter 0 · loss \\d+\\.\\d{4} · \\d+ tokens/s")
        .containsPattern("(?m)^val_loss: \\d+\\.\\d{4}$")
        .containsPattern("(?m)^tokens_per_second: \\d+$")
        .containsPattern("(?m)^ms_per_iter: \\d+\\.\\d+$")
        .contains("parameters: " + SHAPE.parameterCount());
    assertThat(r.valLoss()).isLessThan(5f);
    byte[] sample = TextSampler.sample(out, "the ", 20, 0.8, 0, 1);
    assertThat(new String(sample, StandardCharsets.ISO_8859_1)).startsWith("the ").hasSize(24);
  }

  @Test
  void fourMicroBatchesGiveTheWholeBatchesUpdate() {
    LmOptions whole = LmOptions.defaults(SHAPE).with(10, 8, 32, 3e-3);
    LmCorpus corpus = new LmCorpus(corpus(), 32, "test corpus");
    long[] x = new long[8 * 32];
    long[] y = new long[8 * 32];
    corpus.batch(Seeds.random(2, "test", 0), 8, 32, false, x, y);
    float[][] after = new float[2][];
    float[] losses = new float[2];
    String precision = io.vivarium.brain.Autograd.precision();
    io.vivarium.brain.Autograd.bf16(false); // bf16 rounds each micro-batch's products differently
    try {
      for (int run = 0; run < 2; run++) {
        LmOptions o = run == 0 ? whole : whole.withAccumulate(4);
        try (TorchBrain brain = TorchBrain.create(SHAPE, 7);
            AdamW opt = brain.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0.1))) {
          losses[run] = new LmTrainer(brain, corpus, o).step(opt, x, y, 1e-3);
          after[run] = flat(brain);
        }
      }
    } finally {
      io.vivarium.brain.Autograd.bf16(precision.equals("bf16"));
    }
    assertThat(losses[1]).isCloseTo(losses[0], org.assertj.core.data.Offset.offset(1e-5f));
    for (int i = 0; i < after[0].length; i++) {
      assertThat(after[1][i]).as("weight %d", i)
          .isCloseTo(after[0][i], org.assertj.core.data.Offset.offset(1e-5f));
    }
    assertThatThrownBy(() -> whole.withAccumulate(3))
        .hasMessageContaining("--batch must be a multiple of --accumulate; got batch 8 with --accumulate 3");
  }

  private static float[] flat(TorchBrain brain) {
    java.util.Map<String, float[]> w = brain.update(io.vivarium.brain.model.Weights::toArrays);
    int n = 0;
    for (float[] v : w.values()) {
      n += v.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] v : w.values()) {
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  @Test
  void tooSmallOrMissingCorporaAreNamed() {
    assertThatThrownBy(() -> new LmCorpus(new byte[100], 64, "tiny.txt"))
        .hasMessageContaining("corpus tiny.txt has 100 bytes; a block of 64 needs at least");
    assertThatThrownBy(() -> LmCorpus.read(dir.resolve("nope.txt"), 64))
        .hasMessageContaining("does not exist");
  }

  private static long arrays(TorchBrain brain) {
    return brain.update(w -> w.arena().parent().count());
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
