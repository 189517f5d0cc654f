package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.learn.AdamW;
import io.vivarium.brain.learn.LmCorpus;
import io.vivarium.brain.learn.LmOptions;
import io.vivarium.brain.learn.LmTrainer;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.config.BrainConfig;
import io.vivarium.core.world.Image;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brain API: acting, generating, embedding, copies, mutation and the brain file. */
class TorchBrainTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 16, 32, 0);

  @TempDir Path dir;

  private static BrainInput picturePrompt(String text) {
    byte[] rgb = new byte[8 * 8 * 3];
    new SplittableRandom(5).nextBytes(rgb);
    Patches patches = Patches.of(new Image(8, 8, rgb), 4);
    BrainInput p = BrainInput.prompt(Channel.TEXT, text.getBytes(StandardCharsets.US_ASCII));
    return new BrainInput(p.tokens(), p.channels(), p.prefix(), patches);
  }

  @Test
  void presetsHaveTheAdvertisedSizes() {
    assertThat(BrainShape.preset("tiny").parameterCount()).isBetween(80_000L, 150_000L);
    assertThat(BrainShape.preset("small").parameterCount()).isBetween(800_000L, 1_300_000L);
    assertThat(BrainShape.preset("base").parameterCount()).isBetween(8_000_000L, 12_000_000L);
    BrainShape nano = BrainShape.preset("nanogpt-cpu");
    assertThat(List.of(nano.layers(), nano.heads(), nano.dim(), nano.block()))
        .containsExactly(4, 4, 128, 64);
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny"), 1)) {
      assertThat(b.parameterCount()).isEqualTo(BrainShape.preset("tiny").parameterCount());
    }
    BrainConfig c = new BrainConfig("small", "cpu", 1, 2, 0, 64, 0, 0.1);
    assertThat(BrainShape.of(c)).isEqualTo(BrainShape.preset("small").with(2, 4, 64, 256, 0.1));
    try (TorchBrain b = TorchBrain.create(c, 1)) {
      assertThat(b.shape()).isEqualTo(BrainShape.of(c));
    }
    assertThatThrownBy(() -> BrainShape.preset("huge"))
        .hasMessage("unknown brain preset 'huge'; known presets: tiny, small, base, nanogpt-cpu, 30m, 100m, 1b");
    assertThatThrownBy(() -> SHAPE.with(2, 3, 16, 32, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("brain.dim must be a multiple of brain.heads; got dim 16 with 3");
  }

  @Test
  void actSamplesBytesWithLogProbsAndValues() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 7)) {
      List<BrainInput> inputs = List.of(picturePrompt("where?"), picturePrompt("go"));
      Sampling s = new Sampling(1.0, 0, 5, -1, Channel.MOTOR);
      List<Acted> a = brain.act(inputs, s, new SplittableRandom(3));
      List<Acted> again = brain.act(inputs, s, new SplittableRandom(3));
      assertThat(a).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(a.get(i).tokens().length).isBetween(1, 5);
        for (float lp : a.get(i).logProbs()) {
          assertThat(lp).isLessThanOrEqualTo(0f);
        }
        assertThat(a.get(i).bytes()).containsExactly(again.get(i).bytes());
        assertThat(a.get(i).value()).isEqualTo(again.get(i).value()).isFinite();
      }
      assertThat(brain.lastHidden()).hasNumberOfRows(4 + 7);
      assertThat(brain.lastHidden()[0]).hasSize(16);
    }
  }

  @Test
  void greedyGenerationIsDeterministicAndStops() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 8)) {
      BrainInput prompt = BrainInput.prompt(Channel.TEXT, "abc".getBytes(StandardCharsets.US_ASCII));
      Sampling greedy = Sampling.text(40).withTemperature(0);
      byte[] one = brain.generate(prompt, greedy, new SplittableRandom(1));
      byte[] two = brain.generate(prompt, greedy, new SplittableRandom(2));
      assertThat(one).containsExactly(two);
      assertThat(one.length).isLessThanOrEqualTo(40);
      // a long generation runs past the block: the context slides
      assertThat(brain.generate(prompt, Sampling.text(50).withTopK(3), new SplittableRandom(1)))
          .hasSizeLessThanOrEqualTo(50);
      int stop = one.length > 0 ? one[0] & 0xFF : 'x';
      byte[] stopped = brain.generate(prompt, greedy.withStopByte(stop), new SplittableRandom(1));
      if (one.length > 0) {
        assertThat(stopped).containsExactly(one[0]);
      }
    }
  }

  @Test
  void embedGivesOneVectorOfWidthDim() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 9)) {
      BrainInput in = picturePrompt("key");
      float[] e = brain.embed(in);
      assertThat(e).hasSize(16).containsExactly(brain.embed(in));
      assertThat(brain.embed(picturePrompt("other"))).isNotEqualTo(e);
    }
  }

  @Test
  void saveLoadRoundTripIsExact() throws Exception {
    Path file = dir.resolve("brain.viv");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 10)) {
      brain.mutate(0.05, 1);
      brain.save(file);
      try (TorchBrain back = TorchBrain.load(file)) {
        assertThat(back.shape()).isEqualTo(brain.shape());
        assertWeightsEqual(back, brain);
        BrainInput in = picturePrompt("same?");
        Sampling s = new Sampling(0.8, 5, 6, -1, Channel.TEXT);
        Acted a = brain.act(List.of(in), s, new SplittableRandom(4)).get(0);
        Acted b = back.act(List.of(in), s, new SplittableRandom(4)).get(0);
        assertThat(b.bytes()).containsExactly(a.bytes());
        assertThat(b.logProbs()).containsExactly(a.logProbs());
        assertThat(back.embed(in)).containsExactly(brain.embed(in));
      }
      try (TorchBrain fromBytes = TorchBrain.fromBytes(brain.toBytes(), "payload")) {
        assertWeightsEqual(fromBytes, brain);
      }
      assertThat(brain.toBytes()).containsExactly(Files.readAllBytes(file));
    }
  }

  @Test
  void damagedOrForeignFilesAreRejectedByName() throws Exception {
    Path file = dir.resolve("brain.viv");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 11)) {
      brain.save(file);
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> TorchBrain.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fails its SHA-256 check");
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a brain at all");
    assertThatThrownBy(() -> TorchBrain.load(text))
        .hasMessageContaining("is not a Vivarium brain file");
    bytes[8 + 3] = 9;
    Files.write(file, bytes);
    assertThatThrownBy(() -> TorchBrain.load(file))
        .hasMessageContaining("version 9; this Vivarium reads versions 1 to 2");
  }

  @Test
  void whatABrainWasTrainedForRoundTripsAndCopiesCarryIt() throws Exception {
    Path file = dir.resolve("trained.brain");
    TrainedFor t = new TrainedFor("gold", "gold-bare-5x5+ego9", "video:81 text:47 reward actions:4 prefix:138");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 12)) {
      assertThat(brain.trainedFor()).isEmpty();
      brain.setTrainedFor(t);
      brain.save(file);
      try (TorchBrain back = TorchBrain.load(file); TorchBrain copy = brain.copy();
          TorchBrain fromBytes = TorchBrain.fromBytes(brain.toBytes(), "payload")) {
        assertThat(back.trainedFor()).contains(t);
        assertThat(copy.trainedFor()).contains(t);
        assertThat(fromBytes.trainedFor()).contains(t);
        assertWeightsEqual(back, brain);
      }
    }
  }

  @Test
  void versionOneFilesStillLoad() throws Exception {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 13)) {
      byte[] v2 = brain.toBytes(); // no trained-for: its section is the int 0 after the shape
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(v2);
      int shapeEnd = 8 + 4 + 4 + in.getInt(12);
      java.io.ByteArrayOutputStream v1 = new java.io.ByteArrayOutputStream();
      v1.write(v2, 0, shapeEnd);
      v1.write(v2, shapeEnd + 4, v2.length - 32 - shapeEnd - 4);
      byte[] body = v1.toByteArray();
      body[11] = 1; // version 1
      byte[] old = new byte[body.length + 32];
      System.arraycopy(body, 0, old, 0, body.length);
      System.arraycopy(java.security.MessageDigest.getInstance("SHA-256").digest(body), 0, old, body.length, 32);
      try (TorchBrain back = TorchBrain.fromBytes(old, "v1")) {
        assertWeightsEqual(back, brain);
        assertThat(back.trainedFor()).isEmpty();
      }
    }
  }

  @Test
  void mutationIsSeededAndCopiesAreIndependent() {
    try (TorchBrain parent = TorchBrain.create(SHAPE, 12);
        TorchBrain a = parent.copy();
        TorchBrain b = parent.copy();
        TorchBrain c = parent.copy();
        TorchBrain d = parent.copy()) {
      a.mutate(0.02, 99);
      b.mutate(0.02, 99);
      c.mutate(0.02, 100);
      d.mutate(0, 5);
      assertWeightsEqual(a, b);
      assertWeightsEqual(d, parent);
      Map<String, float[]> pa = weights(a);
      Map<String, float[]> pp = weights(parent);
      Map<String, float[]> pc = weights(c);
      for (String name : pp.keySet()) {
        assertThat(pa.get(name)).as(name).isNotEqualTo(pp.get(name)).isNotEqualTo(pc.get(name));
      }
      assertThatThrownBy(() -> a.mutate(-1, 1)).hasMessageContaining("sigma");
    }
  }

  /** Inference threads share one brain while another thread trains a second brain. */
  @Test
  void inferenceRunsConcurrentlyWithTrainingOfAnotherBrain() throws Exception {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 14);
        TorchBrain trained = TorchBrain.create(SHAPE, 15)) {
      BrainInput in = picturePrompt("together");
      Sampling s = new Sampling(1.0, 0, 6, -1, Channel.MOTOR);
      byte[] alone = brain.act(List.of(in), s, new SplittableRandom(9)).get(0).bytes();
      LmOptions o = LmOptions.defaults(SHAPE).with(40, 2, 16, 1e-3);
      LmTrainer trainer = new LmTrainer(trained, new LmCorpus(new byte[2000], 16, "zeros"), o);
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        Future<?> training = pool.submit(() -> {
          long[] x = new long[32];
          try (AdamW opt = trained.update(w -> new AdamW(w, 0.9, 0.99, 1e-8, 0))) {
            for (int i = 0; i < 40; i++) {
              trainer.step(opt, x, x, 1e-3);
            }
          }
        });
        List<Future<byte[]>> acts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          acts.add(pool.submit(() -> {
            byte[] last = null;
            for (int i = 0; i < 10; i++) {
              last = brain.act(List.of(in), s, new SplittableRandom(9)).get(0).bytes();
            }
            return last;
          }));
        }
        training.get();
        for (var f : acts) {
          assertThat(f.get()).containsExactly(alone);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void badInputsAreNamed() {
    assertThatThrownBy(() -> BrainInput.of(new int[] {Vocabulary.SIZE}, Channel.TEXT, 0))
        .hasMessage("token 0 is " + Vocabulary.SIZE + ", outside the vocabulary [0, "
            + Vocabulary.SIZE + ")");
    assertThatThrownBy(() -> new Sampling(-1, 0, 5, -1, Channel.TEXT))
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> Sampling.text(0)).hasMessageContaining("max bytes");
    try (TorchBrain brain = TorchBrain.create(SHAPE, 13)) {
      byte[] rgb = new byte[200 * 8 * 3];
      BrainInput wide = new BrainInput(new int[] {1}, new byte[1], 1,
          Patches.of(new Image(200, 8, rgb), 4));
      assertThatThrownBy(() -> brain.embed(wide))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("but the brain's grid is 16x16");
    }
  }

  private static Map<String, float[]> weights(TorchBrain b) {
    return b.update(w -> w.toArrays());
  }

  private static void assertWeightsEqual(TorchBrain x, TorchBrain y) {
    Map<String, float[]> a = weights(x);
    Map<String, float[]> b = weights(y);
    assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
    a.forEach((k, v) -> assertThat(v).as(k).containsExactly(b.get(k)));
  }
}
