package io.vivarium.worlds.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EditTest {
  @Test
  void theExpertsEditRestoresEveryEpisodeAndIsShort() {
    long editBytes = 0;
    long passageBytes = 0;
    for (String name : RepairPresets.names()) {
      RepairPreset preset = RepairPresets.get(name);
      EpisodeMaker maker = new EpisodeMaker(preset, preset.builtInCorpus(), Corpus.Split.TRAIN);
      for (long seed = 0; seed < 60; seed++) {
        Episode e = maker.make(seed);
        String edit = Edit.between(e.corrupted(), e.clean());
        if (e.corrupted().equals(e.clean())) {
          assertEquals("", edit);
          continue;
        }
        RepairWorld.Outcome o = RepairWorld.judge(e, edit);
        assertEquals("edit", o.kind(), name + " seed " + seed + ": " + edit + " " + o.reason());
        assertEquals(e.clean(), o.repaired(), name + " seed " + seed);
        if (!name.endsWith("-single")) {
          continue;
        }
        editBytes += edit.length();
        passageBytes += e.clean().length();
      }
    }
    assertTrue(editBytes * 4 < passageBytes, "edits of single operations are short: " + editBytes + " of " + passageBytes);
  }

  @Test
  void anEditIsTwoLinesThatApplyOnce() {
    assertTrue(Edit.looksLikeEdit("-teh\n+the"));
    assertTrue(Edit.looksLikeEdit("-a\n-b\n+c\n+"));
    assertFalse(Edit.looksLikeEdit("-teh\n+the\nmore"));
    assertFalse(Edit.looksLikeEdit("-teh\n+the\n-x"));
    assertFalse(Edit.looksLikeEdit("-only"));
    assertFalse(Edit.looksLikeEdit("the cat"));
    assertEquals("the cat sat", ((Diffs.Patched.Applied) Edit.apply("-teh\n+the", "teh cat sat")).text());
    assertEquals("cat", ((Diffs.Patched.Applied) Edit.apply("-x \n+", "x cat")).text());
    assertEquals("one\ntwo", ((Diffs.Patched.Applied) Edit.apply("-e\n-tow\n+e\n+two", "one\ntow")).text());
    assertEquals("-a\n-b\n+c", Edit.write("a\nb", "c"));
    assertInstanceOf(Diffs.Patched.Rejected.class, Edit.apply("-dog\n+cat", "the cat"));
    assertInstanceOf(Diffs.Patched.Rejected.class, Edit.apply("-a\n+b", "a a"));
    assertInstanceOf(Diffs.Patched.Rejected.class, Edit.apply("-\n+b", "a"));
  }

  @Test
  void aRejectedEditEarnsWhatTheDamagedPassageEarns() {
    RepairPreset preset = RepairPresets.get("repair-short-single");
    Episode e = new EpisodeMaker(preset, preset.builtInCorpus(), Corpus.Split.TRAIN).make(3);
    RepairWorld.Outcome o = RepairWorld.judge(e, "-no such words here at all\n+x");
    assertEquals("edit-rejected", o.kind());
    assertEquals(0.0, o.score().reward(), 1e-9);
  }
}
