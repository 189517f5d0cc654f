package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.judge.JudgeText;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.audio.Wav;
import io.vivarium.lab.think.ThoughtTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium think} on a small real brain against a real memory in a temporary data directory. */
class ThinkCommandTest {
  /** A built-in fact question (one of InventedFacts' people), which the chat grader knows. */
  private static final String QUESTION = "In what year was Truwais Ziklyn born?";

  @TempDir Path data;

  @Test
  void thinksPrintsTheTreeKeepsTheConclusionAndTrainsOnIt() throws Exception {
    Torch.start(1, null);
    Path brain = data.resolve("lm.brain");
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny").with(2, 2, 32, 256, 0), 3)) {
      b.save(brain);
    }
    String question = QUESTION;
    assertThat(run("memory", "add-fact", "capital of the test", "Fenwick").code).isZero();
    Result r = run("think", question, "--brain", brain.toString(), "--depth", "2", "--width", "1",
        "--branches", "2", "--seed", "5", "--speak", data.resolve("said/conclusion.wav").toString());
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).startsWith("? " + question).contains("  * [").contains("conclusion (")
        .contains("judged by chat grader").contains("kept in ").contains("spoken into ");
    byte[] said = Files.readAllBytes(data.resolve("said/conclusion.wav")); // espeak-ng's WAV of the conclusion
    assertThat(new String(said, 0, 4, StandardCharsets.US_ASCII) + new String(said, 8, 4, StandardCharsets.US_ASCII))
        .isEqualTo("RIFFWAVE");
    assertThat(said.length).isGreaterThan(Wav.RATE / 10); // more than 50 ms of 16-bit sound
    Result json = run("think", question, "--brain", brain.toString(), "--json", "--seed", "5", "--depth", "1");
    ThoughtTree tree = ThoughtTree.fromJson(json.out.strip());
    assertThat(tree.children(0)).hasSize(3); // think.branches
    assertThat(tree.nodes().get(0).memories()).anyMatch(m -> m.equals("capital of the test = Fenwick"))
        .anyMatch(m -> m.startsWith(question + " = ")); // the first tree's conclusion is recalled
    assertThat(run("memory", "search", question, "--kind", "conclusion").out).contains(question + " = ");
    assertThat(Files.readString(data.resolve("conclusions.json"))).contains(question);
    Result train = run("think", "--train", "--brain", brain.toString());
    assertThat(train.code).as(train.err).isZero();
    assertThat(train.out).contains("trained " + brain + " on 2 conclusions: loss ");
  }

  @Test
  void thinksWithAnAgentsBrainFromItsNewestCheckpointAndRecordsTheTree() throws Exception {
    Torch.start(1, null);
    DataDir dir = DataDir.of(data);
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("thinkers", 1, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "chat-facts", "tiny", 0, 0.5, 1000, 0, null));
    }
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny").with(2, 2, 32, 256, 0), 4)) {
      dir.checkpoints().write("a0001", 1, 0.5, new byte[32], b.toBytes());
    }
    Result r = run("think", QUESTION, "--agent", "a0001", "--depth", "1");
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).contains("conclusion (").contains("recorded as thought #1");
    try (Registry reg = Registry.openReadOnly(dir.registry())) {
      assertThat(reg.thoughts().recent(5)).singleElement().satisfies(t -> {
        assertThat(t.agent()).isEqualTo("a0001");
        assertThat(ThoughtTree.fromJson(t.tree()).query()).isEqualTo(QUESTION);
      });
    }
    assertThat(run("think", QUESTION, "--agent", "a0009").err).contains("no checkpoint of agent 'a0009'");
    assertThat(run("think", QUESTION, "--agent", "a0001", "--brain", "x.brain").err)
        .contains("think needs exactly one of --brain FILE and --agent ID");
  }

  @Test
  void thinksAboutARepairPassageAskingTheRepairEvaluatorsQuestion() throws Exception {
    Torch.start(1, null);
    Path lm = data.resolve("lm.brain");
    Path evaluator = data.resolve("repair-evaluator.brain");
    try (TorchBrain b = TorchBrain.create(BrainShape.preset("tiny").with(2, 2, 32, 256, 0), 3);
        TorchBrain e = TorchBrain.create(BrainShape.preset("tiny").with(2, 2, 32, 256, 0), 4)) {
      b.save(lm);
      e.setTrainedFor(JudgeText.trainedFor("repair")); // an (untrained) evaluator of repairs
      e.save(evaluator);
    }
    Path passage = data.resolve("damaged.txt");
    Files.writeString(passage, "The cat sat on\nthe the mat.\n");
    Result r = run("think", "--passage", passage.toString(), "--brain", lm.toString(), "--evaluator",
        evaluator.toString(), "--depth", "1", "--json");
    assertThat(r.code).as(r.err).isZero();
    ThoughtTree tree = ThoughtTree.fromJson(r.out.strip());
    assertThat(tree.query()).isEqualTo("The cat sat on\nthe the mat.");
    assertThat(tree.judge()).isEqualTo("evaluator repair-evaluator.brain asked 'Is the passage repaired?'");
    assertThat(tree.nodes()).allSatisfy(n -> assertThat(n.score()).isBetween(0.0, 1.0));
    assertThat(run("think", "--passage", passage.toString(), "--brain", lm.toString()).err)
        .contains("--passage needs --evaluator FILE");
    assertThat(run("think", "q?", "--passage", passage.toString(), "--brain", lm.toString()).err)
        .contains("not both");
  }

  @Test
  void badInputGetsOneClearLine() throws Exception {
    Result noBrain = run("think", QUESTION, "--brain", data.resolve("none.brain").toString());
    assertThat(noBrain.code).isEqualTo(Main.FAILURE);
    assertThat(noBrain.err.strip()).contains("no brain file").doesNotContain("\n").doesNotContain("Exception");
    Result noQuestion = run("think", "--brain", "x.brain");
    assertThat(noQuestion.err).contains("think needs a QUESTION");
    Result depth = run("think", "q?", "--brain", "x.brain", "--depth", "0");
    assertThat(depth.err).contains("--depth must be between 1 and 16; got 0");
    Result empty = run("think", "--train", "--brain", "x.brain");
    assertThat(empty.err).contains("no brain file");
    assertThat(run("think", "--train").err).contains("think --train needs --brain FILE");
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
