package io.vivarium.worlds.chat;

import io.vivarium.worlds.gold.GoldPresets;
import io.vivarium.worlds.gold.GoldScene;
import io.vivarium.worlds.gold.GoldTutorials;
import java.util.List;

/**
 * Questions about gold rooms (the {@code qa} tutorial's, {@link io.vivarium.worlds.gold.Question}):
 * the room drawn as text rows (one character per cell, as {@link GoldScene#ascii()} writes it), then a
 * question such as "how many steps to the gold?" with its exact answer. Nothing goes into the
 * fact memory. Immutable.
 */
public final class GoldSource implements QuestionSource {
  /** The room the questions are about: small enough to be read whole from the text channel. */
  static final String PRESET = "gold-bare-5x5";

  @Override
  public Query ask(long seed) {
    GoldTutorials.QaExample e = GoldTutorials.qa(GoldPresets.get(PRESET), seed, 1).get(0);
    return new Query(e.scene().ascii() + e.question(), "", e.answer(), "gold");
  }

  @Override
  public List<ChatFact> memoryFacts() {
    return List.of();
  }

  /** The longest text of a room of the preset, for the text budget. */
  static int roomBytes() {
    GoldScene s = GoldTutorials.qa(GoldPresets.get(PRESET), 0, 1).get(0).scene();
    return s.ascii().length();
  }
}
