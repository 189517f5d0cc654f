package io.vivarium.worlds.terminal;

import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Curriculum;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Tools;
import io.vivarium.core.world.WorldBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Many terminals stepped together: every sandbox gets its key before any reply is read, so the
 * sandboxes settle at once. Finished episodes start the next at once (auto-reset). Has the
 * {@link Expert}, {@link Curriculum}, {@link Renderer} and {@link ActionNames} (key names)
 * capabilities. Not thread-safe.
 */
public final class TerminalBatch implements WorldBatch, Expert, Curriculum, Renderer, ActionNames, Tools {
  /** The longest command {@code type} types. */
  public static final int COMMAND_CHARS = 64;
  /** The most keys one {@code keys} call presses. */
  public static final int CALL_KEYS = 16;
  private static final List<Tool> TOOLS = List.of(
      new Tool("type", "type COMMAND: clear the line, type the command (printable ASCII) and press Enter"),
      new Tool("keys", "keys NAME...: press keys by name, e.g. keys Ctrl-C or keys l s Space Enter"));
  private final TerminalPreset preset;
  private final Spec spec;
  private final TerminalInstance[] terminals;
  private final TerminalCurriculum curriculum;
  private final float[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final long[] stream; // each instance's seed; its episodes derive from it as in SerialWorldBatch
  private final long[] episode;
  private final int[] level;
  private final Observation[] observations;
  private boolean closed;

  /** A batch of {@code size} terminals of {@code preset} with {@code limits}. */
  public TerminalBatch(TerminalPreset preset, int size, TerminalLimits limits) {
    if (size < 1) {
      throw new IllegalArgumentException("a terminal batch needs at least 1 terminal; got " + size);
    }
    this.preset = preset;
    this.spec = TerminalWorld.spec(preset);
    this.curriculum = new TerminalCurriculum(preset.tasks());
    terminals = new TerminalInstance[size];
    try {
      for (int i = 0; i < size; i++) {
        terminals[i] = new TerminalInstance(preset, limits);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    rewards = new float[size];
    terminated = new boolean[size];
    truncated = new boolean[size];
    stream = new long[size];
    episode = new long[size];
    level = new int[size];
    observations = new Observation[size];
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public int size() {
    return terminals.length;
  }

  @Override
  public void reset(long seed) {
    reset(seed, 1);
  }

  @Override
  public void reset(long seed, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("reset group must be at least 1; got " + group);
    }
    for (int i = 0; i < size(); i++) {
      stream[i] = Seeds.derive(seed, "instance", i / group);
      episode[i] = 0;
      sendReset(i);
    }
    for (int i = 0; i < size(); i++) {
      receiveReset(i);
    }
  }

  private void sendReset(int i) {
    long s = Seeds.derive(stream[i], "episode", episode[i]);
    level[i] = curriculum.level();
    SplittableRandom random = new SplittableRandom(s);
    terminals[i].sendReset(random.nextLong(), TerminalCurriculum.task(preset.tasks(), level[i], random));
  }

  private void receiveReset(int i) {
    terminals[i].receiveReset();
    observations[i] = terminals[i].observation();
  }

  @Override
  public void step(Action[] actions) {
    byte[] keys = new byte[size()];
    for (int i = 0; i < size(); i++) {
      int k = actions[i].firstMotor();
      keys[i] = k < 0 ? 0 : (byte) k;
    }
    step(keys);
  }

  @Override
  public void step(byte[] motor) {
    if (motor.length != size()) {
      throw new IllegalArgumentException("terminal batch of " + size() + " got " + motor.length + " keys");
    }
    for (int i = 0; i < size(); i++) {
      terminals[i].sendKey(motor[i]);
    }
    boolean anyDone = false;
    for (int i = 0; i < size(); i++) {
      TerminalInstance t = terminals[i];
      t.receiveKey();
      rewards[i] = t.reward();
      terminated[i] = t.terminated();
      truncated[i] = t.truncated();
      if (terminated[i] || truncated[i]) {
        anyDone = true;
        curriculum.record(t.success());
      } else {
        observations[i] = t.observation();
      }
    }
    if (anyDone) {
      for (int i = 0; i < size(); i++) {
        if (terminated[i] || truncated[i]) {
          episode[i]++;
          sendReset(i);
        }
      }
      for (int i = 0; i < size(); i++) {
        if (terminated[i] || truncated[i]) {
          receiveReset(i);
        }
      }
    }
  }

  @Override
  public Observation observation(int i) {
    return observations[i];
  }

  @Override
  public float[] rewards() {
    return rewards;
  }

  @Override
  public boolean[] terminated() {
    return terminated;
  }

  @Override
  public boolean[] truncated() {
    return truncated;
  }

  @Override
  public long episodeSeed(int i) {
    return Seeds.derive(stream[i], "episode", episode[i]);
  }

  @Override
  public int episodeLevel(int i) {
    return level[i];
  }

  @Override
  public byte expertAction(int i) {
    return terminals[i].expertKey();
  }

  @Override
  public List<Tool> tools() {
    return TOOLS;
  }

  @Override
  public List<Action> call(int i, String tool, String argument) {
    return switch (tool) {
      case "type" -> typed(argument);
      case "keys" -> pressed(argument);
      default -> throw new IllegalArgumentException("names the tool '" + tool + "', which the terminal does not have;"
          + " its tools are type, keys and recall");
    };
  }

  private static List<Action> typed(String command) {
    if (command.isBlank() || command.length() > COMMAND_CHARS || command.contains("\n")) {
      throw new IllegalArgumentException("calls type with " + (command.isBlank() ? "no command" : command.contains("\n")
          ? "more than one line" : command.length() + " characters") + "; type one command line of 1-" + COMMAND_CHARS
          + " characters");
    }
    List<Action> keys = new ArrayList<>(command.length() + 2);
    keys.add(Action.motor(Keys.CTRL_U));
    for (int k = 0; k < command.length(); k++) {
      char c = command.charAt(k);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "calls type with the character U+%04X"
            + " at %d; type printable ASCII only", (int) c, k));
      }
      keys.add(Action.motor((byte) c));
    }
    keys.add(Action.motor(Keys.ENTER));
    return keys;
  }

  private static List<Action> pressed(String names) {
    String[] words = names.strip().split("\\s+");
    if (names.isBlank() || words.length > CALL_KEYS) {
      throw new IllegalArgumentException("calls keys with " + (names.isBlank() ? "no key" : words.length + " keys")
          + "; press 1-" + CALL_KEYS + " keys by name, e.g. keys Ctrl-C");
    }
    List<Action> keys = new ArrayList<>(words.length);
    for (String w : words) {
      keys.add(Action.motor(key(w)));
    }
    return keys;
  }

  private static byte key(String name) {
    for (byte b : Keys.alphabet()) {
      if (Keys.name(b).equals(name)) {
        return b;
      }
    }
    throw new IllegalArgumentException("presses '" + name + "', which is no key; keys are Enter, Tab, Ctrl-C, Ctrl-U,"
        + " Backspace, Up, Down, Right, Left, Space or one printable character");
  }

  /** No key: the step passes and types nothing. */
  @Override
  public Action idle(int i) {
    return Action.motor((byte) 0);
  }

  @Override
  public String task(int i) {
    return terminals[i].episode().mission();
  }

  /** Nothing beyond the screen, which the observation shows. */
  @Override
  public String outcome(int i) {
    return "";
  }

  @Override
  public List<String> questions() {
    return List.of("Does the command do what the task on the screen asks?");
  }

  /** {@code type} with the expert's command, or {@code keys Ctrl-C} while a command runs. */
  @Override
  public String expertCall(int i) {
    String command = terminals[i].expertCommand();
    return command == null ? "keys Ctrl-C" : "type " + command;
  }

  @Override
  public void startCurriculum(int at) {
    curriculum.start(at);
  }

  @Override
  public int curriculumLevel() {
    return curriculum.level();
  }

  @Override
  public Image picture(int i) {
    return ScreenPicture.of(terminals[i].screen());
  }

  /** The key's name ({@link Keys#name}), e.g. {@code a}, {@code Space}, {@code Enter}. */
  @Override
  public String actionName(byte action) {
    return Keys.name(action);
  }

  @Override
  public String text(int i) {
    return terminals[i].text();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (TerminalInstance t : terminals) {
      if (t != null) {
        t.close();
      }
    }
  }
}
