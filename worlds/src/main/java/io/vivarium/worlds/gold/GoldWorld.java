package io.vivarium.worlds.gold;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.World;
import java.util.Map;

/**
 * One gold room: a {@link GoldBatch} of one without automatic reset, so the single world and
 * the batch run the same code.
 *
 * <p>Not thread-safe.
 */
public final class GoldWorld implements World, Renderer {
  private final GoldBatch batch;
  private boolean done = true;

  /** A world playing {@code preset}. */
  public GoldWorld(GoldPreset preset) {
    batch = new GoldBatch(preset, 1, 1, false);
  }

  /** A world playing the preset named {@code name}. */
  public GoldWorld(String name) {
    this(GoldPresets.get(name));
  }

  @Override
  public Spec spec() {
    return batch.spec();
  }

  /** The preset this world plays. */
  public GoldPreset preset() {
    return batch.preset();
  }

  @Override
  public Observation reset(long seed) {
    batch.resetInstance(0, seed, batch.scratch());
    batch.markReady();
    done = false;
    return batch.observation(0);
  }

  /** Starts from a hand-made scene instead of a seeded one. */
  public Observation reset(GoldScene scene) {
    batch.load(0, scene);
    done = false;
    return batch.observation(0);
  }

  @Override
  public Step step(Action action) {
    int b = action.firstMotor();
    return step(b < 0 ? 0 : (byte) b);
  }

  /** Applies one motor byte. */
  public Step step(byte action) {
    if (done) {
      throw new IllegalStateException("the episode is over (or never began); call reset first");
    }
    batch.stepInstance(0, action, batch.scratch());
    boolean terminated = batch.terminated()[0];
    boolean truncated = batch.truncated()[0];
    done = terminated || truncated;
    GoldScene s = batch.scene(0);
    Map<String, String> info = Map.of(
        "steps", Integer.toString(s.steps()), "goldLeft", Integer.toString(s.goldLeft()));
    return new Step(batch.observation(0), batch.reward64(0), terminated, truncated, info);
  }

  /** The current state as a scene. */
  public GoldScene scene() {
    return batch.scene(0);
  }

  /** Sets the curriculum's gold radius for the next resets; 0 = anywhere. */
  public void setGoldRadius(int radius) {
    batch.setGoldRadius(radius);
  }

  /** The room drawn at the preset's pixels per cell; a single world has instance 0 only. */
  @Override
  public io.vivarium.core.world.Image picture(int i) {
    return batch.picture(i);
  }

  /** The room in ASCII and its status; a single world has instance 0 only. */
  @Override
  public String text(int i) {
    return batch.text(i);
  }

  @Override
  public void close() {
    batch.close();
  }
}
