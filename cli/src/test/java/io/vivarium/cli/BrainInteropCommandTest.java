package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium export-brain} and {@code import-brain} on a real colony's checkpoint and brain files. */
class BrainInteropCommandTest {
  @TempDir Path data;

  @Test
  void exportsAnAgentsNewestCheckpointAndABrainFileAndImportsThemBackExactly() throws Exception {
    Torch.start(1, null);
    DataDir dir = DataDir.of(data);
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("interop", 1, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold", "tiny", 0, 0.5, 1000, 0, null));
    }
    Path brainFile = data.resolve("b.brain");
    try (TorchBrain old = TorchBrain.create(BrainShape.preset("tiny"), 1);
        TorchBrain b = TorchBrain.create(BrainShape.preset("tiny"), 2)) {
      dir.checkpoints().write("a0001", 1, 0.5, new byte[32], old.toBytes());
      dir.checkpoints().write("a0001", 7, 0.6, new byte[32], b.toBytes()); // the newest
      b.save(brainFile);
    }
    Result agent = run("export-brain", "a0001", "--format", "safetensors", "--out", data.resolve("a.safetensors").toString());
    assertThat(agent.code).as(agent.err).isZero();
    assertThat(agent.out).startsWith("exported a0001's brain (checkpoint at step 7) (tiny, 110,497 parameters) to ");
    Result file = run("export-brain", brainFile.toString(), "-o", data.resolve("f.safetensors").toString());
    assertThat(file.code).as(file.err).isZero();
    assertThat(Files.readAllBytes(data.resolve("f.safetensors"))).isEqualTo(Files.readAllBytes(data.resolve("a.safetensors")));
    Result back = run("import-brain", data.resolve("a.safetensors").toString(), "--out", data.resolve("back.brain").toString());
    assertThat(back.code).as(back.err).isZero();
    assertThat(back.out).startsWith("imported ").contains("(tiny, 110,497 parameters) to ");
    assertThat(Files.readAllBytes(data.resolve("back.brain"))).isEqualTo(Files.readAllBytes(brainFile));
  }

  @Test
  void badInputGetsOneLine() throws Exception {
    Torch.start(1, null);
    Path brainFile = data.resolve("b.brain");
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny").with(1, 2, 16, 32, 0), 2)) {
      b.save(brainFile);
    }
    Path st = data.resolve("b.safetensors");
    assertThat(run("export-brain", brainFile.toString(), "--out", st.toString()).code).isZero();
    byte[] all = Files.readAllBytes(st);
    int n = (int) ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    String header = new String(all, 8, n, StandardCharsets.UTF_8).replace("\"h0.fc.w\":{\"dtype\":\"F32\",\"shape\":[64,16]",
        "\"h0.fc.w\":{\"dtype\":\"F32\",\"shape\":[16,64]");
    Files.write(st, ByteBuffer.allocate(all.length).put(all, 0, 8).put(header.getBytes(StandardCharsets.UTF_8))
        .put(all, 8 + n, all.length - 8 - n).array());
    Result bad = run("import-brain", st.toString(), "--out", data.resolve("x.brain").toString());
    assertThat(bad.code).isEqualTo(Main.FAILURE);
    assertThat(bad.err.strip()).isEqualTo("vivarium: " + st + ": tensor 'h0.fc.w' has shape [16, 64] but a 1L·16d·2h brain "
        + "(its __metadata__) needs [64, 16]; export it from a brain of that shape, or fix the shape in __metadata__");
    assertThat(run("export-brain", "a0009", "--out", st.toString()).err).contains("no colony").doesNotContain("\tat ");
    assertThat(run("export-brain", brainFile.toString(), "--format", "onnx", "--out", st.toString()).err.strip())
        .isEqualTo("vivarium: --format must be safetensors; got 'onnx' (the only format for now)");
    assertThat(run("export-brain", "nothing/here.brain", "--out", st.toString()).err.strip())
        .startsWith("vivarium: nothing/here.brain is neither a brain file nor an agent id");
    assertThat(run("import-brain", data.resolve("missing.safetensors").toString(), "--out", "x.brain").err.strip())
        .endsWith("does not exist; pass a .safetensors file written by 'vivarium export-brain' or vivarium_brain.py save()");
  }

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
  }
}
