package io.vivarium.lab.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.lab.judge.FactQuiz.Fact;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Graded answers to fact questions, over a tiny fact list. */
class ChatExamplesTest {
  private static final List<String> LINES = List.of(
      "Yul Brynner | height | 168 cm", "France | capital | Paris", "Peru | capital | Lima", "Kenya | capital | Nairobi",
      "Spain | capital | Madrid", "Chile | capital | Santiago", "Mali | capital | Bamako", "Laos | capital | Vientiane",
      "Cuba | capital | Havana", "Iran | capital | Tehran", "Oman | capital | Muscat", "Fiji | capital | Suva");

  @Test
  void theGraderReadsWholeWords() {
    assertThat(ChatExamples.states("168 cm", "He is 168  CM tall.")).isTrue();
    assertThat(ChatExamples.states("Paris", "paris")).isTrue();
    assertThat(ChatExamples.states("Paris", "Parsi")).isFalse();
    assertThat(ChatExamples.states("Lima", "Limassol")).isFalse();
    assertThat(ChatExamples.states("Lima", "")).isFalse();
  }

  @Test
  void everyKindIsGradedAsTheGraderSays() {
    FactLines quiz = new FactLines(LINES, "test facts");
    ChatExamples ex = new ChatExamples(quiz);
    List<Graded> one = ex.answers(new Fact("France", "capital", "Paris"), quiz.training(), new SplittableRandom(1));
    Map<String, Boolean> byKind = one.stream().collect(Collectors.toMap(Graded::kind, Graded::yes));
    assertThat(byKind).containsEntry("right", true).containsEntry("right-sentence", true)
        .containsEntry("wrong", false).containsEntry("misspelt", false).containsEntry("empty", false);
    assertThat(one.getFirst().prompt()).contains("France | capital | Paris").contains("what is the capital of France?");
    assertThat(quiz.heldOut()).hasSize(1);
    assertThat(ex.make(true, 10, 1)).allSatisfy(g -> assertThat(g.prompt()).contains("Iran"));
  }

  @Test
  void aMalformedLineIsNamed() {
    assertThatThrownBy(() -> new FactLines(List.of("a | b"), "facts.txt"))
        .hasMessageContaining("facts.txt line 1: a fact is 'subject | relation | value'");
  }
}
