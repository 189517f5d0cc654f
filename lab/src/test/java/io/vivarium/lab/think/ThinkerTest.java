package io.vivarium.lab.think;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.config.ThinkConfig;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.LocalFactBook;
import io.vivarium.core.world.Recall;
import io.vivarium.worlds.chat.ChatFact;
import io.vivarium.worlds.chat.FactSource;
import io.vivarium.worlds.chat.GraderJudge;
import io.vivarium.worlds.chat.InventedFacts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trees of thought on a small real brain, scored by the chat world's grader, recalling from a fact book. */
class ThinkerTest {
  private static final BrainShape SHAPE = BrainShape.preset("tiny").with(2, 2, 32, 256, 0);
  private static final ThinkConfig CONFIG = new ThinkConfig(true, 2, 2, 3, 6, 2, 1.0, 10, 30, 1e-2, 0);
  private static final ChatFact FACT = InventedFacts.all().get(0);
  private static final String QUESTION = FactSource.question(FACT);

  @TempDir Path dir;

  @BeforeAll
  static void torch() {
    Torch.start(1, null);
  }

  /** A recall over a fact book: its facts nearest to the text, as {@code key = value}; conclusions become facts. */
  private static Recall recall(FactBook book) {
    return new Recall() {
      @Override
      public List<String> recall(String text, int k) {
        return book.lookup("", text, k).stream().map(f -> f.key() + " = " + f.value()).toList();
      }

      @Override
      public void remember(String agent, String query, String conclusion, double score) {
        book.put(new FactBook.Fact(query, conclusion.isEmpty() ? "(nothing)" : conclusion));
      }
    };
  }

  private static ThoughtTree think(TorchBrain brain, Recall recall, long seed) {
    return new Thinker(brain, GraderJudge.ofFacts(InventedFacts.all()), "chat grader", recall, CONFIG)
        .think(QUESTION, seed);
  }

  @Test
  void theTreeHasTheConfiguredShapeScoresAndTheArgmaxLeafAsConclusion() {
    LocalFactBook book = new LocalFactBook();
    book.put(FACT.asFact());
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5)) {
      ThoughtTree tree = think(brain, recall(book), 11);
      assertThat(tree.children(0)).hasSize(CONFIG.branches());
      List<Thought> expanded = tree.children(0).stream().filter(t -> !tree.children(t.id()).isEmpty()).toList();
      assertThat(expanded).hasSizeLessThanOrEqualTo(CONFIG.width())
          .allSatisfy(t -> assertThat(tree.children(t.id())).hasSize(CONFIG.branches()));
      assertThat(tree.depth()).isLessThanOrEqualTo(CONFIG.depth());
      assertThat(tree.nodes()).hasSize(1 + CONFIG.branches() * (1 + expanded.size()));
      assertThat(tree.nodes()).allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
      // the beam keeps the best-scored: no pruned sibling beats an expanded one
      double worstKept = expanded.stream().mapToDouble(Thought::score).min().orElse(1);
      tree.children(0).stream().filter(t -> !t.done() && !expanded.contains(t))
          .forEach(t -> assertThat(t.score()).isLessThanOrEqualTo(worstKept));
      // the conclusion is the path of the best-scored leaf, marked as chosen
      Thought best = tree.nodes().stream().filter(t -> t.depth() > 0 && tree.children(t.id()).isEmpty())
          .max(Comparator.comparingDouble(Thought::score)).orElseThrow();
      assertThat(tree.score()).isEqualTo(best.score());
      List<Thought> path = tree.chosenPath();
      assertThat(path.get(path.size() - 1).score()).isEqualTo(best.score());
      String text = String.join("", path.stream().map(Thought::text).toList()).strip();
      assertThat(tree.conclusion()).isEqualTo(text);
      // the root recalled the fact, and the context the brain read holds it
      assertThat(tree.nodes().get(0).memories()).contains(FACT.key() + " = " + FACT.value());
      String context = new String(ThoughtText.context(tree.nodes().get(0).memories(), QUESTION, "", 200),
          StandardCharsets.UTF_8);
      assertThat(context).contains("=" + FACT.key() + " = " + FACT.value() + "\n").endsWith("Q: " + QUESTION + "\nA: ");
      assertThat(tree.render()).contains("? " + QUESTION).contains("* [").contains("conclusion (");
      assertThat(ThoughtTree.fromJson(tree.toJson())).isEqualTo(tree);
    }
  }

  @Test
  void treesAreDeterministicPerSeed() {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5)) {
      String a = think(brain, Recall.none(), 3).toJson();
      assertThat(think(brain, Recall.none(), 3).toJson()).isEqualTo(a);
      assertThat(think(brain, Recall.none(), 4).toJson()).isNotEqualTo(a);
    }
  }

  @Test
  void theConclusionIsRememberedQueuedAndTrainingOnItLowersItsLoss() throws Exception {
    LocalFactBook book = new LocalFactBook();
    Recall recall = recall(book);
    ConclusionQueue queue = ConclusionQueue.in(dir, 3);
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5)) {
      List<ConclusionQueue.Example> examples = new ArrayList<>();
      for (long seed = 1; seed <= 4; seed++) {
        ThoughtTree tree = think(brain, recall, seed);
        recall.remember("a1", tree.query(), tree.conclusion(), tree.score());
        queue.add(ConclusionQueue.Example.of(tree, "a1"));
        examples.add(ConclusionQueue.Example.of(tree, "a1"));
      }
      assertThat(book.lookup(QUESTION, "", 1)).hasSize(1); // kept: a later recall finds it
      assertThat(queue.examples()).hasSize(3).containsExactlyElementsOf(examples.subList(1, 4)); // bounded
      assertThat(ConclusionQueue.in(dir, 3).examples()).isEqualTo(queue.examples()); // durable
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(ConclusionQueue.FILE);
      }
      double before = ConclusionTraining.loss(brain, queue.examples());
      ConclusionTraining.train(brain, queue.examples(), 30, 1e-2, 1, new PrintWriter(new StringWriter()));
      assertThat(ConclusionTraining.loss(brain, queue.examples())).isLessThan(before * 0.7);
    }
  }

  @Test
  void badQuestionsAndDamagedQueuesGetOneClearLine() throws Exception {
    try (TorchBrain brain = TorchBrain.create(SHAPE, 5)) {
      Thinker thinker = new Thinker(brain, GraderJudge.ofFacts(InventedFacts.all()), "g", Recall.none(), CONFIG);
      assertThatThrownBy(() -> thinker.think("  ", 1)).hasMessageContaining("the question is empty");
      assertThatThrownBy(() -> thinker.think("x".repeat(400), 1)).hasMessageContaining("shorten it");
      assertThatThrownBy(() -> thinker.think("Who is Nobody?", 1))
          .hasMessageContaining("the chat grader does not know the question");
    }
    Files.writeString(dir.resolve(ConclusionQueue.FILE), "{not json");
    assertThatThrownBy(() -> ConclusionQueue.in(dir, 3).examples())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is damaged")
        .hasMessageContaining("move it away");
  }
}
