package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldContract;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The world contract for repair, and the repair world's own rules. */
class RepairWorldTest extends WorldContract {
  @Override
  protected World create() {
    return Worlds.get("repair").create("repair-1to3");
  }

  @Override
  protected int rolloutSteps() {
    return 25; // each step scores a long random answer with Levenshtein
  }

  @Test
  void theExactPassageEarnsOne() {
    try (RepairWorld w = new RepairWorld(RepairPresets.get("repair-1to3"))) {
      Observation o = w.reset(3);
      assertThat(text(o)).isEqualTo(w.episode().corrupted());
      Step s = w.step(Action.text(w.episode().clean()));
      assertThat(s.reward()).isEqualTo(1.0);
      assertThat(s.terminated()).isTrue();
      assertThat(s.info()).containsEntry("exact", "true").containsEntry("answer", "text");
      assertThat(text(s.observation())).isEqualTo(w.episode().clean());
    }
  }

  @Test
  void theGroundTruthDiffEarnsOneAndTheDamagedPassageZero() {
    try (RepairWorld w = new RepairWorld(RepairPresets.get("repair-hard"))) {
      for (long seed = 0; seed < 20; seed++) {
        w.reset(seed);
        Step s = w.step(Action.text(w.episode().groundTruthDiff()));
        assertThat(s.reward()).isEqualTo(1.0);
        assertThat(s.info()).containsEntry("answer", "diff").containsEntry("exact", "true");
        w.reset(seed);
        assertThat(w.step(Action.text(w.episode().corrupted())).reward()).isZero();
      }
    }
  }

  @Test
  void aDiffThatDoesNotApplyIsAnOrdinaryFailure() {
    try (RepairWorld w = new RepairWorld(RepairPresets.get("repair-single"))) {
      w.reset(1);
      Step s = w.step(Action.text("--- \n+++ \n@@ -1,1 +1,1 @@\n-no such line\n+x\n"));
      assertThat(s.reward()).isZero();
      assertThat(s.terminated()).isTrue();
      assertThat(s.info()).containsEntry("answer", "diff-rejected").containsKey("reason");
    }
  }

  @Test
  void steppingAfterTheAnswerIsAMisuse() {
    try (RepairWorld w = new RepairWorld(RepairPresets.get("repair-single"))) {
      assertThatThrownBy(() -> w.step(Action.text("x"))).isInstanceOf(IllegalStateException.class);
      w.reset(1);
      w.step(Action.text("x"));
      assertThatThrownBy(() -> w.step(Action.text("x")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("reset");
    }
  }

  @Test
  void presetsSetTheNumberOfOperations() {
    try (RepairWorld single = new RepairWorld(RepairPresets.get("repair-single"));
        RepairWorld hard = new RepairWorld(RepairPresets.get("repair-hard"))) {
      for (long seed = 0; seed < 50; seed++) {
        single.reset(seed);
        hard.reset(seed);
        assertThat(single.episode().corruptions()).hasSize(1);
        assertThat(hard.episode().corruptions()).hasSizeBetween(3, 10);
      }
    }
    RepairPreset only = RepairPresets.get("repair-only-duplicate_word");
    assertThat(only.operations()).containsExactly(Operation.DUPLICATE_WORD);
  }

  @Test
  void framedObservationsShowHerringsTheTargetAndTheDiagnosis() {
    RepairPreset p = RepairPreset.of("test-framed", 2, 2, 2, true);
    try (RepairWorld w = new RepairWorld(p, GeneratedCorpus.standard(), Corpus.Split.TRAIN)) {
      String shown = text(w.reset(9));
      Episode e = w.episode();
      assertThat(shown.split("\n")).filteredOn(l -> l.startsWith("#File: ")).hasSize(3);
      assertThat(shown).contains("#Repair: " + e.target()).contains("#Diagnosis:");
      e.herrings().forEach(h -> assertThat(shown).contains(h));
      e.diagnosis().forEach(d -> assertThat(shown).contains("- " + d));
      assertThat(Episode.targetOf(shown)).isEqualTo(e.corrupted());
    }
  }

  @Test
  void unknownPresetsListTheKnownOnes() {
    assertThatThrownBy(() -> Worlds.get("repair").create("repair-nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown repair preset 'repair-nope'")
        .hasMessageContaining("repair-1to3").hasMessageContaining("repair-hard");
    assertThatThrownBy(() -> RepairPresets.get("repair-only-nope"))
        .hasMessageContaining("unknown repair operation 'nope'");
    assertThat(Worlds.get("repair").presets()).first().isEqualTo("repair-1to3");
  }

  @Test
  void theSampleShowsDiagnosisAndDiff() {
    String s = RepairSample.render(RepairPresets.get("repair-1to3"), GeneratedCorpus.standard(), 4);
    assertThat(s).contains("== observation ==").contains("== diagnosis ==")
        .contains("== ground-truth diff ==").contains("@@ -");
  }

  private static String text(Observation o) {
    return new String(o.bytes(Channel.TEXT), StandardCharsets.UTF_8);
  }
}
