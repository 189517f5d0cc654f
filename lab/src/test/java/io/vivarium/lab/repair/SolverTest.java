package io.vivarium.lab.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.FileCorpus;
import io.vivarium.worlds.repair.GeneratedCorpus;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairPresets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The identity and heuristic solvers, and the evaluation table. */
class SolverTest {
  static GeneratedCorpus corpus;
  static HeuristicSolver heuristic;

  @BeforeAll
  static void learn() {
    corpus = GeneratedCorpus.standard();
    heuristic = new HeuristicSolver(Lexicon.learn(corpus, 1000));
  }

  @Test
  void theHeuristicUndoesVisibleDamage() {
    String clean = "The quiet river carried the map slowly, and the owl waited.\n"
        + "Nobody knew why Ada kept 7 lanterns in the garden.";
    assertThat(heuristic.repair(clean.replace("river", "ri<em>ver"))).isEqualTo(clean);
    assertThat(heuristic.repair(clean.replace("the map", "the the map"))).isEqualTo(clean);
    assertThat(heuristic.repair(clean.replace("the owl", "theowl"))).isEqualTo(clean);
    assertThat(heuristic.repair(clean.replace("quiet", "qUiet"))).isEqualTo(clean);
    assertThat(heuristic.repair(clean.replace("carried", "cirraed"))).isEqualTo(clean);
    assertThat(heuristic.repair(clean.replace("lanterns", "lant$erns"))).isEqualTo(clean);
    assertThat(heuristic.repair(clean.replace("waited.\n", "waited.\n; "))).isEqualTo(clean);
  }

  @Test
  void aGluedLineBreakComesBackAsANewline() {
    String clean = corpus.passage(Split.HELDOUT, 5);
    int nl = clean.indexOf('\n');
    assertThat(nl).isPositive();
    String glued = clean.substring(0, nl) + clean.substring(nl + 1);
    assertThat(heuristic.repair(glued)).isEqualTo(clean);
  }

  @Test
  void theHeuristicLeavesCleanTextAlone() {
    int unchanged = 0;
    for (int i = 0; i < 200; i++) {
      String clean = corpus.passage(Split.HELDOUT, i);
      if (heuristic.repair(clean).equals(clean)) {
        unchanged++;
      }
    }
    assertThat(unchanged).isGreaterThanOrEqualTo(190);
  }

  @Test
  void evaluationPrintsATablePerOperationAndTheSummary() {
    RepairPreset single = RepairPresets.get("repair-single");
    RepairEval.Report id = RepairEval.run(single, corpus, Solvers.create("identity", corpus), 140, 1);
    RepairEval.Report he = RepairEval.run(single, corpus, heuristic, 140, 1);
    assertThat(id.overall().meanReward()).isZero();
    assertThat(id.overall().exactRate()).isZero();
    assertThat(he.overall().meanReward()).isGreaterThan(0.3);
    assertThat(he.render()).contains("mean_reward: ").contains("exact_rate: ")
        .contains("duplicate_word").contains("exact_rate mean_reward");
    assertThat(RepairEval.compare(java.util.List.of(id, he))).contains("identity").contains("heuristic");
    assertThat(id.overall().episodes()).isEqualTo(140);
  }

  @Test
  void runAllHandsOverEachReportInOrder() {
    RepairPreset single = RepairPresets.get("repair-single");
    java.util.List<String> seen = new java.util.ArrayList<>();
    java.util.List<RepairEval.Report> reports = RepairEval.runAll(single, corpus, java.util.List.of("identity",
        "heuristic"), 14, 1, r -> seen.add(r.solver()));
    assertThat(seen).containsExactly("identity", "heuristic");
    assertThat(reports).extracting(RepairEval.Report::solver).containsExactly("identity", "heuristic");
    assertThat(reports.get(0).overall()).isEqualTo(RepairEval.run(single, corpus, Solvers.create("identity", corpus), 14,
        1).overall());
    assertThat(reports.get(1).overall().episodes()).isEqualTo(14);
  }

  @Test
  void calibrationKeepsEveryRuleForTheGeneratedCorpus() {
    HeuristicSolver calibrated = HeuristicSolver.calibrated(corpus, 1000);
    assertThat(calibrated.rules()).containsExactlyInAnyOrder(HeuristicSolver.Rule.values());
  }

  @Test
  void onASmallUnfamiliarCorpusCalibrationAvoidsDoingHarm() {
    StringBuilder text = new StringBuilder();
    String[] topics = {"harbour cranes", "sourdough starters", "tidal charts", "violin varnish",
        "moss gardens", "railway timetables", "beekeeping suits", "lighthouse lenses"};
    for (int i = 0; i < 60; i++) {
      text.append("Note ").append(i).append(": the ").append(topics[i % topics.length])
          .append(" of region ").append(i * 7 % 13).append(" were examined; results vary by ")
          .append(topics[(i * 3) % topics.length]).append(", weather and luck.\n\n");
    }
    Corpus small = FileCorpus.of("notes", text.toString(), 200);
    Solver h = Solvers.create("heuristic", small);
    RepairEval.Report r = RepairEval.run(RepairPresets.get("repair-single"), small, h, 140, 2);
    assertThat(r.overall().meanReward()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void unknownSolversListTheKnownOnes() {
    assertThatThrownBy(() -> Solvers.create("oracle", corpus))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown repair solver 'oracle'")
        .hasMessageContaining("identity").hasMessageContaining("heuristic").hasMessageContaining("heuristic+ngram")
        .hasMessageContaining("BRAIN_FILE or heuristic+BRAIN_FILE");
    assertThatThrownBy(() -> RepairEval.run(RepairPresets.get("repair-single"), corpus,
        heuristic, 0, 1)).hasMessageContaining("--episodes must be at least 1; got 0");
  }
}
