package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium ask} against a registry with no colony running, and with a fake colony that answers. */
class AskCommandTest {
  @TempDir Path data;

  @BeforeEach
  void colony() {
    try (Registry r = Registry.open(new DataDir(data).registry())) {
      for (String id : List.of("a0001", "a0002")) {
        r.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "chat", "tiny", 0, id.equals("a0001") ? 2 : 0, 1, 0, null));
      }
    }
  }

  @Test
  void withoutARunningColonyTheAskIsQueuedAndShown() {
    Result r = run("ask", "what is the capital of Freedonia?");
    assertThat(r.code).isZero();
    assertThat(r.out).isEqualTo("queued as #1; the colony answers when it runs ('vivarium ask --show 1')\n");
    try (Registry reg = Registry.open(new DataDir(data).registry())) {
      assertThat(reg.asks().get(1)).get().extracting(AskRow::state, AskRow::source).containsExactly("pending", "cli");
      reg.asks().answer(1, "a0002", "Fredville");
    }
    assertThat(run("ask", "--show", "1").out).isEqualTo(
        "#1 to any agent from cli: what is the capital of Freedonia?\nstate: answered\na0002: Fredville\n");
  }

  @Test
  void aRunningColonysAnswerIsPrintedWithItsAgent() throws Exception {
    DataDir dir = new DataDir(data);
    try (ColonyLock lock = ColonyLock.acquire(dir); Registry colony = Registry.open(dir.registry())) {
      CompletableFuture<Void> answerer = CompletableFuture.runAsync(() -> {
        while (colony.asks().pendingAfter(0, 1).isEmpty()) {
          Thread.onSpinWait();
        }
        colony.asks().answer(colony.asks().pendingAfter(0, 1).get(0).id(), "a0001", "Fredville");
      });
      Result r = run("ask", "--agent", "a0001", "--wait", "60", "capital of Freedonia?");
      answerer.get();
      assertThat(r.code).isZero();
      assertThat(r.out).isEqualTo("a0001: Fredville\n");
    }
  }

  @Test
  void badQuestionsAreUsageErrorsNamingTheRule() {
    Result empty = run("ask", " ");
    assertThat(empty.code).isEqualTo(Main.USAGE);
    assertThat(empty.err).contains("the question from the command line is empty; an ask needs 1-1000 UTF-8 bytes");
    Result big = run("ask", "x".repeat(1001));
    assertThat(big.code).isEqualTo(Main.USAGE);
    assertThat(big.err).contains("must be at most 1000 UTF-8 bytes; got 1001 bytes; shorten it");
    Result nobody = run("ask", "--agent", "a0009", "hi");
    assertThat(nobody.code).isEqualTo(Main.USAGE);
    assertThat(nobody.err).contains("no agent 'a0009' in this colony to ask");
    assertThat(run("ask", "--consensus", "--agent", "a0001", "hi").err).contains("leave --agent out");
  }

  @Test
  void consensusWithoutAColonyIsTheMemorysAlone() {
    run("memory", "add-fact", "capital of Freedonia", "Fredville");
    run("memory", "add-fact", "capital of Sylvania", "Sylvaburg");
    Result r = run("ask", "--consensus", "-k", "1", "capital of Freedonia");
    assertThat(r.code).isZero();
    assertThat(r.out).contains("no colony is running in").contains("the consensus is of the memory alone")
        .contains("answer: Fredville").contains("share:  1.00 of the vote (0 agents' answers, 1 memories)")
        .contains("from:   memory #0 (user)");
  }

  @Test
  void memoriesOfTheSameQuestionOutvoteThoseOfLookAlikes() {
    run("memory", "add-fact", "the capital of Desstan", "Narour");
    run("memory", "add-fact", "the capital of Testan", "Kuketex");
    run("memory", "add-fact", "the capital of Testane", "Kuketex");
    run("memory", "add-fact", "the capital of Testany", "Kuketex");
    Result r = run("ask", "--consensus", "-k", "4", "the capital of Desstan = Narour");
    assertThat(r.code).isZero();
    assertThat(r.out).contains("answer: Narour").contains("1 memories)").doesNotContain("Kuketex");
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
