package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.brain.model.Weights;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.core.Channel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brains as safetensors: the format as its specification says, exact round trips, one-line refusals. */
class SafetensorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TrainedFor TRAINED = new TrainedFor("gold", "gold-bare-5x5", "video:81 text:47 prefix:138");
  /** A grouped brain with a head width and an MLP width of its own (a grown brain's). */
  static final BrainShape ODD = BrainShape.preset("tiny").with(2, 2, 32, 64, 0).withGroup(4).withHeads(3, 12).withMlp(100);

  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    Torch.start(1, null);
  }

  @Test
  void writesTheSafetensorsLayoutWithTheBrainsNamesShapesAndMetadata() throws Exception {
    Path file = dir.resolve("tiny.safetensors");
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny"), 7)) {
      b.setTrainedFor(TRAINED);
      Safetensors.write(b, file);
      byte[] all = Files.readAllBytes(file);
      long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat(n % 8).isZero();
      String text = new String(all, 8, (int) n, StandardCharsets.UTF_8);
      assertThat(text).startsWith("{").endsWith("}" + " ".repeat(text.length() - text.stripTrailing().length()));
      JsonNode h = JSON.readTree(text);
      Map<String, Shape> layout = Weights.layout(b.shape());
      assertThat(h.size()).isEqualTo(layout.size() + 1);
      Map<String, float[]> values = b.infer(Weights::toArrays);
      long offset = 0;
      for (Map.Entry<String, Shape> e : layout.entrySet()) { // contiguous, in layout order, little-endian float32
        JsonNode t = h.get(e.getKey());
        assertThat(t.get("dtype").asText()).isEqualTo("F32");
        assertThat(JSON.convertValue(t.get("shape"), long[].class)).containsExactly(e.getValue().getShape());
        assertThat(t.get("data_offsets").get(0).asLong()).isEqualTo(offset);
        float[] v = values.get(e.getKey());
        float[] stored = new float[v.length];
        ByteBuffer.wrap(all, (int) (8 + n + offset), v.length * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(stored);
        assertThat(stored).as(e.getKey()).containsExactly(v);
        offset += 4L * v.length;
      }
      assertThat(all.length).isEqualTo(8 + n + offset).isEqualTo(Safetensors.size(b.shape(), TRAINED));
      JsonNode meta = h.get("__metadata__");
      meta.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual()).as(f.getKey()).isTrue());
      assertThat(meta.get("format").asText()).isEqualTo("vivarium-brain");
      assertThat(meta.get("preset").asText()).isEqualTo("tiny");
      assertThat(meta.get("dim").asText()).isEqualTo("48");
      assertThat(meta.get("group").asText()).isEqualTo("1");
      assertThat(meta.get("trained_for.world").asText()).isEqualTo("gold");
      assertThat(meta.get("channel_names").asText()).isEqualTo("text,video,motor,reward,memory,noise,touch");
      assertThat(meta.get("parameters").asText()).isEqualTo("110497");
    }
  }

  @Test
  void aRoundTripGivesIdenticalWeightsAndOutputs() throws Exception {
    for (BrainShape shape : List.of(BrainShape.preset("tiny"), ODD)) {
      Path brainFile = dir.resolve(shape.label() + ".brain");
      Path st = dir.resolve(shape.label() + ".safetensors");
      Path back = dir.resolve(shape.label() + "-back.brain");
      try (TorchBrain b = TorchBrain.create(shape, 11)) {
        b.mutate(0.1, 3);
        b.setTrainedFor(TRAINED);
        b.save(brainFile);
        assertThat(BrainInterop.exportFile(brainFile, st)).isEqualTo(shape);
        Path direct = dir.resolve("direct.safetensors"); // from the live brain: the same bytes
        Safetensors.write(b, direct);
        assertThat(Files.readAllBytes(direct)).isEqualTo(Files.readAllBytes(st));
        assertThat(BrainInterop.importFile(st, back)).isEqualTo(shape);
        assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(brainFile)); // the very same brain file
        try (TorchBrain loaded = TorchBrain.load(back)) {
          assertThat(loaded.trainedFor()).contains(TRAINED);
          Map<String, float[]> before = b.infer(Weights::toArrays);
          Map<String, float[]> after = loaded.infer(Weights::toArrays);
          assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
          before.forEach((k, v) -> assertThat(after.get(k)).as(k).containsExactly(v));
          BrainInput in = PyTorchParityTest.inputs(shape).get(0);
          assertThat(PyTorchParityTest.outputs(loaded, in).logits()).containsExactly(PyTorchParityTest.outputs(b, in).logits());
        }
        assertThat(BrainInterop.exportBytes(b.toBytes(), "payload", dir.resolve("bytes.safetensors"))).isEqualTo(shape);
        assertThat(Files.readAllBytes(dir.resolve("bytes.safetensors"))).isEqualTo(Files.readAllBytes(st));
      }
    }
  }

  @Test
  void aFileThatDoesNotFitItsShapeIsRefusedInOneLineNamingTheTensor() throws Exception {
    Path good = dir.resolve("good.safetensors");
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny"), 5)) {
      Safetensors.write(b, good);
    }
    refused(good, h -> h.remove("h1.fc.b"),
        "tensor 'h1.fc.b' is missing; a tiny brain (its __metadata__) needs it with shape [192] (float32); add it, "
            + "or fix the shape in __metadata__");
    refused(good, h -> h.set("extra.w", h.get("lnf.b")), "unknown tensor 'extra.w' (shape [48]); a tiny brain");
    refused(good, h -> ((ObjectNode) h.get("h0.attn.w")).put("dtype", "F16"),
        "tensor 'h0.attn.w' has dtype F16 but a tiny brain (its __metadata__) needs F32 with shape [144, 48]; "
            + "convert it to float32");
    refused(good, h -> ((ArrayNode) h.get("h2.proj.w").get("shape")).set(0, 47),
        "tensor 'h2.proj.w' has shape [47, 48] but a tiny brain (its __metadata__) needs [48, 48]; export it from a "
            + "brain of that shape, or fix the shape in __metadata__");
    refused(good, h -> ((ObjectNode) h.get("__metadata__")).put("dim", "64"),
        "tensor 'tok' has shape [267, 48] but a 3L·64d·4h·hd12·m192 brain (its __metadata__) needs [267, 64]");
    refused(good, h -> ((ObjectNode) h.get("__metadata__")).remove("layers"), "__metadata__ lacks 'layers' (a string)");
    refused(good, h -> h.remove("__metadata__"), "has no __metadata__");
    Path junk = dir.resolve("junk.safetensors");
    Files.write(junk, "not a brain at all".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> Safetensors.read(junk)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a safetensors file");
    Path cut = dir.resolve("cut.safetensors");
    byte[] all = Files.readAllBytes(good);
    Files.write(cut, Arrays.copyOf(all, all.length - 4));
    assertThatThrownBy(() -> Safetensors.read(cut)).hasMessageContaining("tensor 'unpatch.b' has data_offsets")
        .hasMessageContaining("truncated or damaged");
  }

  /** {@code good} with its header changed by {@code edit} (the data left as they are) is refused with {@code message}. */
  private void refused(Path good, Consumer<ObjectNode> edit, String message) throws Exception {
    byte[] all = Files.readAllBytes(good);
    int n = (int) ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    ObjectNode h = (ObjectNode) JSON.readTree(new String(all, 8, n, StandardCharsets.UTF_8));
    edit.accept(h);
    byte[] header = JSON.writeValueAsBytes(h);
    Path bad = dir.resolve("bad.safetensors");
    Files.write(bad, ByteBuffer.allocate(8 + header.length + all.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(header.length).put(header).put(all, 8 + n, all.length - 8 - n).array());
    assertThatThrownBy(() -> BrainInterop.importFile(bad, dir.resolve("never.brain")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(bad.toString())
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(dir.resolve("never.brain")).doesNotExist();
  }

  @Test
  void theChannelNamesAreCoresChannels() {
    assertThat(Safetensors.metadata(BrainShape.preset("tiny"), null).get("channel_names").split(","))
        .hasSize(Channel.values().length).startsWith("text", "video");
  }
}
