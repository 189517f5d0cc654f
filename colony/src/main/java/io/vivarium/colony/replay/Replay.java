package io.vivarium.colony.replay;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A recorded {@link Episode} played again on a single world of its world and preset, set to its
 * curriculum level and reset with its seed: the frames (what the agent saw and got at each step)
 * and the replayed return. Worlds are deterministic, so the replay is the episode itself; when
 * the world ends the episode before its last recorded action, or not at its last, the recording
 * does not belong to this world's rules and the replay is refused.
 *
 * <p>Stateless; thread-safe.
 */
public final class Replay {
  private Replay() {}

  /**
   * One moment of a replay.
   *
   * @param step steps taken so far (0: the start)
   * @param action the motor byte that led here (0 at the start)
   * @param actionName that byte named for people by the world's {@link ActionNames} (e.g. a key's
   *     name), or plainly; {@code ""} at the start
   * @param observation what the agent perceives now
   * @param reward the reward of the step that led here (0 at the start)
   * @param text the moment drawn as text (the gold room in ASCII, with a status line)
   * @param picture the moment as a picture, or {@code null} when the world draws none
   */
  public record Frame(int step, byte action, String actionName, Observation observation, double reward, String text,
      Image picture) {
    public Frame {
      Objects.requireNonNull(actionName, "actionName");
      Objects.requireNonNull(observation, "observation");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A finished replay.
   *
   * @param episode what was replayed
   * @param frames the start and one frame per step
   * @param replayedReturn the sum of the replayed rewards, each rounded to float as the batches
   *     that record episodes report them
   * @param success whether the replay ended by termination
   */
  public record Result(Episode episode, List<Frame> frames, double replayedReturn, boolean success) {
    public Result {
      frames = List.copyOf(frames);
    }

    /** Whether the replayed return is the recorded one (up to float rounding of the recording's sum). */
    public boolean matchesRecord() {
      return Math.abs(replayedReturn - episode.ret()) <= 1e-5 * Math.max(1, Math.abs(episode.ret()));
    }
  }

  /**
   * Replays {@code e}.
   *
   * @throws IllegalArgumentException when its world or preset is unknown here, or the actions
   *     diverge from the world's rules
   */
  public static Result of(Episode e) {
    return run(e, true);
  }

  /**
   * Replays {@code e} for its observations, actions and rewards only: frames carry no text and no
   * picture (faster, for exports).
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static Result observations(Episode e) {
    return run(e, false);
  }

  private static Result run(Episode e, boolean draw) {
    try (World world = open(e)) {
      List<Frame> frames = new ArrayList<>(e.steps() + 1);
      Observation o = world.reset(e.seed());
      frames.add(new Frame(0, (byte) 0, "", o, 0, draw ? text(world, o, 0, 0, "start") : "",
          draw ? picture(world, o) : null));
      double total = 0;
      boolean success = false;
      byte[] actions = e.actions();
      for (int t = 0; t < actions.length; t++) {
        Step s = world.step(Action.motor(actions[t]));
        float r = (float) s.reward();
        total += r;
        String name = ActionNames.of(world, actions[t]);
        String status = s.terminated() ? "success" : s.truncated() ? "out of steps" : "action " + name;
        frames.add(new Frame(t + 1, actions[t], name, s.observation(), r,
            draw ? text(world, s.observation(), t + 1, r, status) : "", draw ? picture(world, s.observation()) : null));
        if (s.done() != (t == actions.length - 1)) {
          throw diverged(e, s.done() ? "the world ended it after step " + (t + 1) : "the world did not end it");
        }
        success = s.terminated();
      }
      return new Result(e, frames, total, success);
    }
  }

  private static World open(Episode e) {
    WorldFactory factory;
    try {
      factory = Worlds.get(e.world());
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException(e + " was played in a world this vivarium does not have: "
          + x.getMessage(), x);
    }
    World world;
    try {
      world = factory.create(e.preset(), e.level());
    } catch (IllegalArgumentException x) {
      if (x.getMessage() != null && x.getMessage().contains("has no curriculum levels")) {
        throw new IllegalArgumentException(e + " started at curriculum level " + e.level() + " but world "
            + e.world() + " has no levels; it cannot be replayed here", x);
      }
      throw new IllegalArgumentException(e + " was played on a preset this vivarium does not have: "
          + x.getMessage(), x);
    }
    return world;
  }

  private static IllegalArgumentException diverged(Episode e, String what) {
    return new IllegalArgumentException(e + " does not replay: " + what + " but " + e.steps()
        + " actions were recorded; it was recorded under other rules of " + e.world()
        + " (another vivarium version?)");
  }

  private static String text(World world, Observation o, int step, double reward, String status) {
    if (world instanceof Renderer r) {
      return r.text(0) + String.format(Locale.ROOT, " · reward %.4f · %s%n%n", reward, status);
    }
    return String.format(Locale.ROOT, "step %d · reward %.4f · %s%n", step, reward, status);
  }

  private static Image picture(World world, Observation o) {
    if (world instanceof Renderer r) {
      return r.picture(0);
    }
    return o.image();
  }
}
