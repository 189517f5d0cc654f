package io.vivarium.zoo;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a recorded episode's frames by stepping a fresh world of its preset from its seed
 * with its recorded actions (one byte each), so the replay shows the actual states. Stateless;
 * thread-safe (every replay makes its own world).
 */
final class Replayer {
  /** The most steps one replay renders. */
  static final int MAX_STEPS = 10_000;

  private Replayer() {}

  /** The frames of {@code episode}: the reset observation and one per action. */
  static List<Map<String, Object>> frames(Records.EpisodeRow episode, byte[] actions) {
    WorldFactory factory;
    try {
      factory = Worlds.get(episode.world());
    } catch (IllegalArgumentException e) {
      throw new ApiError(409, "episode " + episode.id() + " is of world '" + episode.world()
          + "', which this vivarium cannot run: " + e.getMessage());
    }
    String preset = episode.preset().isEmpty() ? episode.world() : episode.preset();
    if (!factory.presets().contains(preset)) {
      throw new ApiError(409, "episode " + episode.id() + " is of preset '" + preset + "', unknown to world "
          + factory.name() + " here; known presets: " + factory.presets());
    }
    List<Map<String, Object>> frames = new ArrayList<>();
    try (World world = factory.create(preset)) {
      Observation o = world.reset(episode.seed());
      frames.add(frame(0, o, -1, 0, false));
      int n = Math.min(actions.length, MAX_STEPS);
      for (int t = 0; t < n; t++) {
        Step s = world.step(Action.motor(actions[t]));
        frames.add(frame(t + 1, s.observation(), actions[t] & 0xFF, s.reward(), s.done()));
        if (s.done()) {
          break;
        }
      }
    }
    return frames;
  }

  private static Map<String, Object> frame(int t, Observation o, int action, double reward, boolean done) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("t", t);
    f.put("action", action);
    f.put("actionText", action < 0 ? "" : Frames.printable(new byte[] {(byte) action}));
    f.put("reward", reward);
    f.put("done", done);
    f.put("view", Frames.view(o));
    return f;
  }
}
