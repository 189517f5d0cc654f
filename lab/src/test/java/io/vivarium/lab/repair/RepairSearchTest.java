package io.vivarium.lab.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.lab.repair.RepairSearch.Candidate;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.GeneratedCorpus;
import io.vivarium.worlds.repair.Score;
import io.vivarium.worlds.repair.WordEdits;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The character n-gram scorer, the repair search's candidates and the calibrated search solver. */
class RepairSearchTest {
  static GeneratedCorpus corpus;
  static CharNgram model;
  static RepairSearch search;

  @BeforeAll
  static void learn() {
    corpus = GeneratedCorpus.standard();
    model = CharNgram.learn(corpus, 1000);
    search = new RepairSearch(model, SearchSolver.BREAKS, 1);
  }

  private static double logLikelihood(String text) {
    return model.logLikelihood(text);
  }

  private static List<String> texts(String damaged) {
    return search.candidates(damaged, SearchSolver.PER_FAMILY).stream().map(Candidate::text).toList();
  }

  @Test
  void theNgramPrefersCleanTextToItsCorruptions() {
    String clean = corpus.passage(Split.HELDOUT, 3);
    int mid = clean.length() / 2;
    assertThat(logLikelihood(clean)).isGreaterThan(logLikelihood(clean.substring(0, mid) + "#" + clean.substring(mid)));
    assertThat(logLikelihood(clean)).isGreaterThan(logLikelihood(clean.replaceFirst(" ", "")));
    String swapped = clean.substring(0, 100) + clean.substring(120, 140) + clean.substring(100, 120) + clean.substring(140);
    assertThat(logLikelihood(clean)).isGreaterThan(logLikelihood(swapped));
    assertThat(java.util.Arrays.stream(model.logProbs("abc")).max().orElseThrow()).isNegative();
    assertThat(model.gains(List.of(clean, clean.replaceFirst(" ", ""))))
        .containsExactly(0.0, logLikelihood(clean.replaceFirst(" ", "")) - logLikelihood(clean));
  }

  @Test
  void theSearchFindsTheInverseOfSwappedHalves() {
    for (int p = 0; p < 5; p++) {
      String clean = corpus.passage(Split.HELDOUT, p);
      int i = 200;
      int k = 223;
      int j = 261;
      String damaged = clean.substring(0, i) + clean.substring(k, j) + clean.substring(i, k) + clean.substring(j);
      assertThat(texts(damaged)).as("passage %d", p).contains(clean);
    }
  }

  @Test
  void theSearchFindsTheInverseOfSwappedSpans() {
    for (int p = 0; p < 5; p++) {
      String clean = corpus.passage(Split.HELDOUT, p);
      String a = clean.substring(90, 111);
      String c = clean.substring(300, 340);
      String damaged = clean.substring(0, 90) + c + clean.substring(111, 300) + a + clean.substring(340);
      assertThat(texts(damaged)).as("passage %d", p).contains(clean);
    }
  }

  @Test
  void theSearchFindsTheInverseOfSwappedWordsAndSingleCharacters() {
    String clean = corpus.passage(Split.HELDOUT, 7);
    List<int[]> words = WordEdits.words(clean);
    int[] a = words.get(10);
    int[] b = words.get(11);
    String swapped = clean.substring(0, a[0]) + clean.substring(b[0], b[1]) + clean.substring(a[1], b[0])
        + clean.substring(a[0], a[1]) + clean.substring(b[1]);
    assertThat(texts(swapped)).contains(clean);
    int space = clean.indexOf(' ', 150);
    assertThat(texts(clean.substring(0, space) + clean.substring(space + 1))).contains(clean);
    assertThat(texts(clean.substring(0, 150) + "~" + clean.substring(150))).contains(clean);
  }

  @Test
  void theCalibratedSearchLeavesCleanTrainingPassagesAlone() {
    HeuristicSolver heuristic = HeuristicSolver.calibrated(corpus, 500);
    SearchSolver solver = SearchCalibration.calibrate("heuristic+ngram", corpus, heuristic::repair, search, model, 4, 20, 1);
    for (int i = 0; i < 30; i++) {
      String clean = corpus.passage(Split.TRAIN, 5000 + i);
      String answer = solver.repair(clean);
      assertThat(Score.of(clean, clean, answer).reward()).as("training passage %d", 5000 + i).isEqualTo(1.0);
    }
    assertThat(solver.margins()).hasSize(RepairSearch.Family.values().length);
    assertThat(java.util.Arrays.stream(solver.margins()).min().orElseThrow()).isNotNegative();
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> new RepairSearch(model, 1, 1)).hasMessageContaining("break points must be at least 2");
    assertThat(search.candidates("", SearchSolver.PER_FAMILY)).isEmpty();
    assertThatThrownBy(() -> new SearchSolver("x", null, search, model, new double[2]))
        .hasMessageContaining("margins must have one value per family");
  }
}
