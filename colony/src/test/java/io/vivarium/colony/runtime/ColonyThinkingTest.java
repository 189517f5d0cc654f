package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.ThoughtRow;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.lab.think.ConclusionQueue;
import io.vivarium.lab.think.ThoughtTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat colony with think.enabled answers a person's fact question by a tree, keeps it, and raises a child on it. */
class ColonyThinkingTest {
  private static final String QUESTION = "In what year was Truwais Ziklyn born?";

  @TempDir Path dir;

  @Test
  void aPersonsQuestionIsAnsweredByATreeRecordedRememberedQueuedAndTrainedOnAtBirth() {
    List<String> lines = new CopyOnWriteArrayList<>();
    VivariumConfig config = ConfigResolver.resolve(null, List.of("world.name=chat", "world.preset=chat-facts",
        "world.batch=8", "learn.grpo.group=4", "colony.agents=1", "colony.replicateEvery=1000000", "bus.enabled=false",
        "think.enabled=true", "think.depth=2", "think.width=1", "think.branches=2", "think.tokens=6",
        "think.recall=1", "think.trainIters=3"));
    DataDir data = new DataDir(dir.resolve("chat"));
    try (Colony colony = new Colony(data, config, lines::add)) {
      colony.runRounds(1);
      long id = colony.registry.asks().add("", QUESTION, "cli");
      for (int r = 0; r < 20 && answered(colony, id).isEmpty(); r++) {
        colony.runRounds(1);
      }
      AskRow ask = answered(colony, id).orElseThrow();
      List<ThoughtRow> thoughts = colony.registry.thoughts().recent(10);
      assertThat(thoughts).hasSize(1);
      ThoughtRow row = thoughts.get(0);
      assertThat(row.agent()).isEqualTo(ask.answeredBy());
      assertThat(row.query()).isEqualTo(QUESTION);
      assertThat(ask.answer()).isEqualTo(row.conclusion());
      ThoughtTree tree = ThoughtTree.fromJson(row.tree());
      assertThat(tree.judge()).isEqualTo("chat grader");
      assertThat(tree.children(0)).hasSize(2);
      assertThat(new MemoryRecall(colony.memory.memory()).recall(QUESTION, 5))
          .contains(QUESTION + " = " + row.conclusion());
      assertThat(ConclusionQueue.in(data.root(), 10).examples()).extracting(ConclusionQueue.Example::query)
          .containsExactly(QUESTION);
      assertThat(colony.population.clone(colony.find(ask.answeredBy()))).isTrue();
      assertThat(lines).anyMatch(l -> l.endsWith(" trained on 1 queued conclusions at birth"));
    }
  }

  private static Optional<AskRow> answered(Colony colony, long id) {
    return colony.registry.asks().get(id).filter(r -> r.state().equals("answered"));
  }
}
