package io.vivarium.worlds.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import io.vivarium.core.config.ChatConfig;
import io.vivarium.core.config.ExecConfig;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.LocalFactBook;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldContract;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The world contract for chat, and the chat world's own rules: the grader, the split, the prompt. */
class ChatWorldTest extends WorldContract {
  @Override
  protected World create() {
    return Worlds.get("chat").create("chat-facts");
  }

  static String text(Observation o) {
    return new String(o.bytes(Channel.TEXT), StandardCharsets.UTF_8);
  }

  static WorldContext context(String preset, ChatConfig chat, String reward) {
    return new WorldContext(new WorldConfig("chat", preset, 8, reward, ExecConfig.defaults(), chat),
        io.vivarium.core.world.ColonyCounts.local()).withFacts(new LocalFactBook());
  }

  @Test
  void theExactAnswerEarnsOneAndAWrongOneADensePartialScoreBelowAHalf() {
    assertThat(Grader.reward("Fenwick", "  Fenwick \n")).isEqualTo(1.0);
    assertThat(Grader.reward("Fenwick", "Fenwik")).isBetween(0.4, 0.5);
    assertThat(Grader.reward("Fenwick", "Fenwik")).isGreaterThan(Grader.reward("Fenwick", "Zq"));
    assertThat(Grader.reward("1743", "")).isZero();
    assertThat(Grader.reward("42", "43")).isLessThan(0.5);
    try (ChatWorld w = (ChatWorld) create()) {
      w.reset(3);
      Step s = w.step(Action.text(w.query().expected()));
      assertThat(s.reward()).isEqualTo(1.0);
      assertThat(s.terminated()).isTrue();
      assertThat(s.info()).containsEntry("exact", "true");
    }
  }

  @Test
  void theHeldOutSplitIsSeededByTheKeyAndDisjoint() {
    List<ChatFact> all = InventedFacts.all();
    assertThat(all).hasSize(2000).isEqualTo(InventedFacts.all());
    assertThat(all.stream().map(ChatFact::key).distinct().count()).isEqualTo(2000);
    FactSource train = new FactSource(all, 0.1, false);
    FactSource held = new FactSource(all, 0.1, true);
    assertThat(train.asked().size() + held.asked().size()).isEqualTo(2000);
    assertThat(held.asked().size()).isBetween(150, 250);
    Set<ChatFact> trained = new HashSet<>(train.asked());
    assertThat(held.asked()).noneMatch(trained::contains);
    // the split does not depend on the order of the facts
    List<ChatFact> reversed = new java.util.ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    assertThat(new HashSet<>(new FactSource(reversed, 0.1, true).asked())).isEqualTo(new HashSet<>(held.asked()));
    for (long seed = 0; seed < 200; seed++) {
      assertThat(trained).extracting(ChatFact::key).contains(train.ask(seed).key());
    }
  }

  @Test
  void theFactHitsComeFirstAtFixedPositionsThenTheQuestion() {
    WorldContext c = context("chat-facts", ChatConfig.defaults(), "");
    try (ChatBatch b = (ChatBatch) Worlds.get("chat").batch("chat-facts", 4, c)) {
      b.reset(1, 2);
      Query q = b.query(0);
      String shown = text(b.observation(0));
      assertThat(shown).startsWith("=" + q.expected() + ";" + q.key());
      assertThat(shown.charAt(ChatPrompt.HIT_BYTES - 1)).isEqualTo('\n');
      assertThat(shown.charAt(2 * ChatPrompt.HIT_BYTES - 1)).isEqualTo('\n');
      assertThat(shown.substring(2 * ChatPrompt.HIT_BYTES)).isEqualTo(q.text());
      assertThat(shown.substring(ChatPrompt.HIT_BYTES, 2 * ChatPrompt.HIT_BYTES)).startsWith("=");
      assertThat(b.spec().maxBytes(Channel.TEXT)).isEqualTo(2 * ChatPrompt.HIT_BYTES + ChatSetup.QUESTION_BYTES);
    }
  }

  @Test
  void theHeldOutFactsAreInTheMemoryThoughNeverAskedInTraining() {
    WorldContext c = context("chat-facts", ChatConfig.defaults(), "");
    try (ChatBatch b = (ChatBatch) Worlds.get("chat").batch("chat-facts", 2, c)) {
      ChatFact held = new FactSource(InventedFacts.all(), 0.1, true).asked().get(0);
      assertThat(c.facts().lookup(held.key(), "", 1)).containsExactly(held.asFact());
    }
    ChatConfig off = new ChatConfig(false, 2, "", 0.1);
    WorldContext none = context("chat-facts", off, "");
    try (ChatBatch b = (ChatBatch) Worlds.get("chat").batch("chat-facts", 2, none)) {
      b.reset(1);
      assertThat(((LocalFactBook) none.facts()).size()).isZero();
      assertThat(text(b.observation(0))).isEqualTo(b.query(0).text());
    }
  }

  @Test
  void theTextExpertIsTheValueAndGroupsShareAQuestion() {
    WorldContext c = context("chat-facts", ChatConfig.defaults(), "");
    try (ChatBatch b = (ChatBatch) Worlds.get("chat").batch("chat-facts", 8, c)) {
      b.reset(5, 4);
      for (int i = 0; i < 8; i++) {
        assertThat(new String(b.expertText(i), StandardCharsets.UTF_8)).isEqualTo(b.query(i).expected());
        assertThat(b.query(i)).isEqualTo(b.query(i / 4 * 4));
      }
      Action[] answers = new Action[8];
      for (int i = 0; i < 8; i++) {
        answers[i] = Action.text(i % 2 == 0 ? b.expertText(i) : "nonsense".getBytes(StandardCharsets.UTF_8));
      }
      b.step(answers);
      assertThat(b.rewards()[0]).isEqualTo(1f);
      assertThat(b.rewards()[1]).isLessThan(0.5f);
      assertThat(b.lastMeasures()).containsEntry("exact", 0.5);
      assertThat(b.lastOutputs()).hasSize(2);
      assertThat(b.lastOutputs().get(0).reward()).isEqualTo(1.0);
      assertThat(b.lastOutputs().get(0).details()).contains("\"expected\"", "\"source\":\"facts\"", "\"facts\"");
      assertThat(b.lastOutputs().get(0).key()).endsWith("?");
    }
  }

  @Test
  void arithmeticAndGoldQuestionsAreGraded() {
    ArithSource arith = new ArithSource();
    for (long seed = 0; seed < 50; seed++) {
      Query q = arith.ask(seed);
      String[] parts = q.text().replace("What is ", "").replace("?", "").split(" ");
      int a = Integer.parseInt(parts[0]);
      int b = Integer.parseInt(parts[2]);
      assertThat(q.expected()).isEqualTo(Integer.toString(parts[1].equals("+") ? a + b : a * b));
    }
    try (World w = Worlds.get("chat").create("chat-gold")) {
      Observation o = w.reset(4);
      assertThat(text(o)).contains("\n").endsWith("?");
      assertThat(w.step(Action.text("?")).reward()).isLessThan(0.5);
    }
  }

  @Test
  void onlyTheGraderAndTheEvaluatorAreRewards() {
    assertThatThrownBy(() -> Worlds.get("chat").batch("chat-facts", 2, context("chat-facts", ChatConfig.defaults(), "joy")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("world.reward=joy")
        .hasMessageContaining("evaluator");
    WorldContext judged = context("chat-arith", ChatConfig.defaults(), "evaluator")
        .withJudge((question, prompt, answer) -> answer.equals("yes") ? 0.9 : 0.1);
    try (ChatBatch b = (ChatBatch) Worlds.get("chat").batch("chat-arith", 2, judged)) {
      b.reset(1);
      b.step(new Action[] {Action.text("yes"), Action.text("no")});
      assertThat(b.rewards()).containsExactly(0.9f, 0.1f);
    }
  }

  @Test
  void aMalformedFactLineNamesFileLineRuleAndFix() {
    assertThat(FactFile.parse("f.txt", List.of("# facts", "", "A | b | c"))).containsExactly(new ChatFact("A", "b", "c"));
    assertThatThrownBy(() -> FactFile.parse("f.txt", List.of("# facts", "Freedonia capital Fenwick")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f.txt line 2").hasMessageContaining("'Freedonia capital Fenwick'")
        .hasMessageContaining("subject | relation | value").hasMessageContaining("write it as");
    assertThatThrownBy(() -> FactFile.parse("f.txt", List.of("A |  | c")))
        .hasMessageContaining("line 1").hasMessageContaining("blank");
    assertThatThrownBy(() -> FactFile.parse("f.txt", List.of("A | b | " + "x".repeat(40))))
        .hasMessageContaining("too long");
    assertThatThrownBy(() -> FactFile.parse("f.txt", List.of("# only comments")))
        .hasMessageContaining("holds no facts");
  }

  @Test
  void theInProcessBookFindsTheExactKeyFirstThenSharedWords() {
    FactBook book = new LocalFactBook();
    book.put(new FactBook.Fact("Freedonia | capital", "Fenwick"));
    book.put(new FactBook.Fact("Freedonia | founded", "1433"));
    book.put(new FactBook.Fact("Sylvania | capital", "Mora"));
    assertThat(book.lookup("Freedonia | capital", "What is the capital of Freedonia?", 2))
        .extracting(FactBook.Fact::value).containsExactly("Fenwick", "1433");
    assertThat(book.lookup("", "capital of Sylvania", 1)).extracting(FactBook.Fact::value).containsExactly("Mora");
  }
}
