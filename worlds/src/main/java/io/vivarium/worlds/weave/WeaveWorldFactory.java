package io.vivarium.worlds.weave;

import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import java.util.List;
import java.util.Map;

/**
 * A world's factory as {@code world.mode=weave} makes it: its batches are {@link WeaveBatch}es
 * around the world's own; names, presets and settings are the world's. A single instance (a
 * replay) is the world's own: a woven episode replays from its recorded blocks. Stateless.
 */
final class WeaveWorldFactory implements WorldFactory {
  private final WorldFactory inner;

  WeaveWorldFactory(WorldFactory inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public String description() {
    return inner.description() + " Woven: each step is a tick of typed blocks calling the world's tools.";
  }

  @Override
  public List<String> presets() {
    return inner.presets();
  }

  @Override
  public String defaultPreset() {
    return inner.defaultPreset();
  }

  @Override
  public World create(String preset) {
    return inner.create(preset);
  }

  @Override
  public World create(String preset, int level) {
    return inner.create(preset, level);
  }

  @Override
  public Spec spec(String preset) {
    return WeaveBatch.spec(inner.spec(preset));
  }

  /** The woven spec, after the world has checked the context and that it offers tools. */
  @Override
  public Spec spec(String preset, WorldContext context) {
    Spec s = inner.spec(preset, context);
    if (!inner.hasTools(preset)) {
      throw new IllegalArgumentException("world.mode=weave: world " + inner.name() + " offers no tools to weave;"
          + " weave repair, chat or terminal, or set world.mode=plain");
    }
    return WeaveBatch.spec(s);
  }

  /** Every woven world has an expert tick when the world has an expert of either kind. */
  @Override
  public boolean hasExpert(String preset) {
    return false;
  }

  @Override
  public boolean hasTextExpert(String preset) {
    return inner.hasTextExpert(preset) || inner.hasExpert(preset);
  }

  @Override
  public WorldBatch batch(String preset, int size) {
    return batch(preset, size, WorldContext.standalone());
  }

  @Override
  public WorldBatch batch(String preset, int size, WorldContext context) {
    WorldBatch b = inner.batch(preset, size, context);
    try {
      return new WeaveBatch(b, context);
    } catch (IllegalArgumentException e) {
      b.close();
      throw e;
    }
  }

  @Override
  public boolean takesAsks() {
    return inner.takesAsks();
  }

  @Override
  public Map<String, Object> suggestions() {
    return inner.suggestions();
  }
}
