package io.vivarium.brain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Tensor;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import io.vivarium.core.world.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java brain and scripts/vivarium_brain.py (Debian's python3-torch) on the same exported
 * brains and fixed inputs: every position's logits and value agree within 1e-4. Runs the
 * script as a process, JSON in and out. Skipped only outside CI when no python3 with torch
 * and numpy is found; in CI ({@code CI=true}) a missing one fails.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PyTorchParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path SCRIPT = Path.of("..", "scripts", "vivarium_brain.py").toAbsolutePath().normalize();
  private static String python;

  @TempDir Path dir;

  /** One input's outputs at every position (patches, then token positions). */
  record Outputs(float[] logits, float[] values) {}

  @BeforeAll
  static void findPython() throws Exception {
    Torch.start(1, null);
    List<String> candidates = new ArrayList<>();
    if (System.getenv("VIVARIUM_PYTHON") != null) {
      candidates.add(System.getenv("VIVARIUM_PYTHON"));
    }
    candidates.addAll(List.of("python3", "/usr/bin/python3")); // a pyenv python3 may lack Debian's torch
    for (String p : candidates) {
      // finds the packages without importing torch (seconds on a busy machine); the tests import it
      if (run(List.of(p, "-c", "import importlib.util as u; exit(0 if u.find_spec('torch') and u.find_spec('numpy') else 1)")).exit == 0) {
        python = p;
        return;
      }
    }
    String why = "no python3 with torch and numpy (tried " + candidates + "); install python3-torch python3-numpy";
    if ("true".equals(System.getenv("CI"))) {
      fail(why);
    }
    Assumptions.assumeTrue(false, why);
  }

  @Test
  void theScriptComputesTheJavaBrainsLogitsAndValuesForTinyAndAGroupedGrownShape() throws Exception {
    for (BrainShape shape : List.of(BrainShape.preset("tiny"), SafetensorsTest.ODD)) {
      Path file = dir.resolve(shape.label() + ".safetensors");
      List<BrainInput> inputs = inputs(shape);
      List<Outputs> expected = new ArrayList<>();
      try (TorchBrain b = TorchBrain.create(shape, 42)) {
        b.mutate(0.05, 9); // weights away from the initial 0.02 scale, so every part matters
        Safetensors.write(b, file);
        for (BrainInput in : inputs) {
          expected.add(outputs(b, in));
        }
      }
      Path request = dir.resolve("in.json");
      Files.writeString(request, JSON.writeValueAsString(Map.of("inputs", inputs.stream().map(PyTorchParityTest::json).toList())));
      Result r = run(List.of(python, SCRIPT.toString(), file.toString(), "--json", request.toString()));
      assertThat(r.exit).as(r.err).isZero();
      JsonNode outs = JSON.readTree(r.out).get("outputs");
      assertThat(outs.size()).isEqualTo(inputs.size());
      for (int i = 0; i < inputs.size(); i++) {
        Outputs want = expected.get(i);
        float[] logits = flat(outs.get(i).get("logits"));
        float[] values = flat(outs.get(i).get("values"));
        assertThat(logits).hasSameSizeAs(want.logits());
        assertThat(values).hasSameSizeAs(want.values());
        assertThat(maxDiff(logits, want.logits())).as(shape.label() + " input " + i + " logits").isLessThan(1e-4);
        assertThat(maxDiff(values, want.values())).as(shape.label() + " input " + i + " values").isLessThan(1e-4);
      }
    }
  }

  @Test
  void theScriptPrintsTheNextByteDistributionOfAPrompt() throws Exception {
    Path file = dir.resolve("tiny.safetensors");
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny"), 1)) {
      Safetensors.write(b, file);
    }
    Result r = run(List.of(python, SCRIPT.toString(), file.toString(), "--bytes", "hello", "--top", "3"));
    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out.lines().toList()).hasSize(4).first().asString().startsWith("value ").contains("'hello' on text");
    Result bad = run(List.of(python, SCRIPT.toString(), dir.resolve("missing.safetensors").toString(), "--info"));
    assertThat(bad.exit).isNotZero();
    assertThat(bad.err.strip()).startsWith("vivarium_brain: ").doesNotContain("Traceback");
  }

  @Test
  void aBrainChangedAndSavedInPyTorchImportsBack() throws Exception {
    Path file = dir.resolve("odd.safetensors");
    Path changed = dir.resolve("changed.safetensors");
    Map<String, float[]> before;
    try (TorchBrain b = TorchBrain.create(SafetensorsTest.ODD, 4)) {
      b.setTrainedFor(new TrainedFor("gold", "gold-bare-5x5", "video:81 prefix:138"));
      Safetensors.write(b, file);
      before = b.infer(io.vivarium.brain.model.Weights::toArrays);
    }
    String code = "import sys; sys.path.insert(0, sys.argv[1]); from vivarium_brain import load, save; "
        + "b = load(sys.argv[2]); b['lnf.g'].data.mul_(2); b['h1.fc.b'].data.add_(0.5); save(b, sys.argv[3])";
    Result r = run(List.of(python, "-c", code, SCRIPT.getParent().toString(), file.toString(), changed.toString()));
    assertThat(r.exit).as(r.err).isZero();
    Path back = dir.resolve("back.brain");
    BrainInterop.importFile(changed, back);
    try (TorchBrain b = TorchBrain.load(back)) {
      assertThat(b.shape()).isEqualTo(SafetensorsTest.ODD);
      assertThat(b.trainedFor().orElseThrow().preset()).isEqualTo("gold-bare-5x5");
      Map<String, float[]> after = b.infer(io.vivarium.brain.model.Weights::toArrays);
      before.forEach((name, v) -> {
        float[] want = v.clone();
        for (int i = 0; i < want.length; i++) {
          want[i] = name.equals("lnf.g") ? 2 * want[i] : name.equals("h1.fc.b") ? want[i] + 0.5f : want[i];
        }
        assertThat(after.get(name)).as(name).containsExactly(want);
      });
    }
  }

  /** Fixed inputs: a text prompt, a prefix with a causal generated part on two channels, and one with patches. */
  static List<BrainInput> inputs(BrainShape shape) {
    byte[] rgb = new byte[12 * 8 * 3];
    new SplittableRandom(3).nextBytes(rgb);
    Patches patches = Patches.of(new Image(12, 8, rgb), shape.patch()); // a 3×2 grid
    int g = shape.group();
    if (g > 1) { // grouped brains read whole observation prefixes of whole groups
      int[] tokens = new int[3 * g];
      byte[] channels = new byte[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        tokens[i] = i == 0 ? Vocabulary.BOS : (i * 37) % 256;
        channels[i] = (byte) (i < g ? Channel.TEXT.ordinal() : Channel.TOUCH.ordinal());
      }
      return List.of(new BrainInput(tokens, channels, tokens.length, Patches.none(shape.patch())),
          new BrainInput(tokens, channels, tokens.length, patches));
    }
    BrainInput text = BrainInput.prompt(Channel.TEXT, "hello, world".getBytes(StandardCharsets.US_ASCII));
    int[] tokens = {Vocabulary.BOS, Vocabulary.marker(Channel.TEXT), 'g', 'o', Vocabulary.SEP, 'n', 'e', 'e', Vocabulary.EOS};
    byte[] channels = new byte[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      channels[i] = (byte) (i < 5 ? Channel.TEXT.ordinal() : Channel.MOTOR.ordinal());
    }
    BrainInput generated = new BrainInput(tokens, channels, 5, Patches.none(shape.patch()));
    return List.of(text, generated, new BrainInput(tokens, channels, 4, patches));
  }

  /** The Java brain's logits (S·V) and values (S) at every position of {@code in}. */
  static Outputs outputs(TorchBrain brain, BrainInput in) {
    return brain.infer(w -> {
      try (Arena m = w.arena().newChild()) {
        Tensor hidden = Transformer.hidden(w, Batch.of(m, brain.shape(), List.of(in)), false); // (1, S, C)
        return new Outputs(Transformer.logits(w, hidden).toFloatArray(), Transformer.values(w, hidden).toFloatArray());
      }
    });
  }

  private static Map<String, Object> json(BrainInput in) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tokens", in.tokens());
    int[] channels = new int[in.channels().length];
    for (int i = 0; i < channels.length; i++) {
      channels[i] = in.channels()[i];
    }
    m.put("channels", channels);
    m.put("prefix", in.prefix());
    if (in.patches().count() > 0) {
      m.put("patches", Map.of("values", in.patches().values(), "rows", in.patches().rows(), "cols", in.patches().cols()));
    }
    return m;
  }

  private static float[] flat(JsonNode node) {
    List<Float> v = new ArrayList<>();
    collect(node, v);
    float[] a = new float[v.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = v.get(i);
    }
    return a;
  }

  private static void collect(JsonNode node, List<Float> into) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, into));
    } else {
      into.add((float) node.asDouble());
    }
  }

  private static double maxDiff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("vivarium-py", ".out");
    Path err = Files.createTempFile("vivarium-py", ".err");
    try {
      Process p;
      try {
        p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      } catch (IOException e) {
        return new Result(127, "", e.getMessage());
      }
      if (!p.waitFor(150, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(124, "", "timed out: " + command);
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
