package io.vivarium.worlds.listen;

import io.vivarium.core.audio.Speech;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import java.util.List;

/** Registers the listen world and its presets with {@code Worlds}. Stateless and thread-safe. */
public final class ListenWorldFactory implements WorldFactory {
  @Override
  public String name() {
    return "listen";
  }

  @Override
  public String description() {
    return "spoken words (espeak-ng) heard as spectrogram pictures: name the word";
  }

  @Override
  public List<String> presets() {
    return ListenPreset.names();
  }

  @Override
  public World create(String preset) {
    ListenPreset p = ListenPreset.of(preset);
    needSpeech();
    return new ListenWorld(p);
  }

  @Override
  public Spec spec(String preset) {
    return ListenWorld.spec(ListenPreset.of(preset));
  }

  @Override
  public boolean hasExpert(String preset) {
    ListenPreset.of(preset);
    return true;
  }

  @Override
  public boolean hasTextExpert(String preset) {
    ListenPreset.of(preset);
    return false;
  }

  @Override
  public WorldBatch batch(String preset, int size) {
    return batch(preset, size, WorldContext.standalone());
  }

  @Override
  public WorldBatch batch(String preset, int size, WorldContext context) {
    if (!context.config().reward().isEmpty()) {
      throw new IllegalArgumentException("world.reward=" + context.config().reward()
          + ": world listen has one reward of its own; leave world.reward empty");
    }
    ListenPreset p = ListenPreset.of(preset);
    needSpeech();
    return new ListenBatch(p, size, context.recordings(), context.agent());
  }

  @Override
  public boolean listens() {
    return true;
  }

  private static void needSpeech() {
    if (!Speech.available()) {
      throw new IllegalStateException("the listen world speaks its words with espeak-ng: " + Speech.MISSING);
    }
  }
}
