package io.vivarium.zoo;

import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.replay.Episode;
import io.vivarium.colony.replay.Replay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded episode's frames for the replay player, rebuilt by the colony's {@link Replay}
 * (a fresh world of its preset at its curriculum level, reset with its seed and stepped with
 * its recorded actions), so the player shows the actual states. Stateless; thread-safe.
 */
final class Replayer {
  /** The longest episode one replay renders. */
  static final int MAX_STEPS = 10_000;

  private Replayer() {}

  /** The replay of {@code row} with its {@code actions}: the episode, whether it matches its record, its frames. */
  static Map<String, Object> replay(EpisodeRow row, byte[] actions) {
    if (actions.length > MAX_STEPS) {
      throw new ApiError(413, "episode " + row.id() + " has " + actions.length + " steps; the player replays at most "
          + MAX_STEPS + "; use 'vivarium replay " + row.agent() + " " + row.id() + "' instead");
    }
    Replay.Result result;
    try {
      result = Replay.of(new Episode(row.id(), row.agent(), row.world(), row.preset(), row.level(), row.seed(),
          row.steps(), row.ret(), row.success(), actions, row.timeMillis()));
    } catch (IllegalArgumentException e) {
      throw new ApiError(409, "episode " + row.id() + " cannot be replayed here: " + e.getMessage());
    }
    List<Map<String, Object>> frames = new ArrayList<>();
    for (Replay.Frame f : result.frames()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t", f.step());
      m.put("action", f.step() == 0 ? -1 : f.action() & 0xFF);
      m.put("actionText", f.actionName());
      m.put("reward", f.reward());
      m.put("done", f.step() == result.frames().size() - 1 && f.step() > 0);
      m.put("text", f.text());
      m.put("view", Frames.view(f.observation()));
      frames.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("episode", row);
    out.put("replayedReturn", result.replayedReturn());
    out.put("matchesRecord", result.matchesRecord());
    out.put("frames", frames);
    return out;
  }
}
