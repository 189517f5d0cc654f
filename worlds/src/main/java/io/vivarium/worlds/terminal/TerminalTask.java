package io.vivarium.worlds.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The terminal world's tasks, easiest first. Each lays out its episode with a setup script (files
 * in the home, a banner on the screen saying the task), knows the command a scripted expert
 * types, and judges whether the episode is done. Thread-safe (constants only).
 */
public enum TerminalTask {
  /** Say a word: {@code echo WORD} prints it on a line of its own. */
  ECHO("echo"),
  /** Create a named file in the home. */
  TOUCH("touch"),
  /** Go into a named directory and list it: the shell's directory is it and its files show. */
  LIST("list"),
  /** Count the lines of a file: the number shows on a line. */
  COUNT("count"),
  /** Find which of several files holds a word: its name shows on a line of its own. */
  FIND("find"),
  /** Kill the runaway process the task started (its pid is on the screen). */
  KILL("kill");

  private static final String[] WORDS = {"apple", "river", "stone", "cloud", "tiger", "lemon", "piano", "grass",
      "honey", "maple", "otter", "pearl", "robin", "sugar", "tulip", "wagon", "amber", "bread", "coral", "daisy",
      "eagle", "flint", "ginger", "hazel", "ivory", "jelly", "kiwi", "lotus", "mango", "nutmeg", "olive", "plum"};

  private final String key;

  TerminalTask(String key) {
    this.key = key;
  }

  /** The task's name in presets and the CLI. */
  public String key() {
    return key;
  }

  /** The task named {@code key}; an unknown name lists the known ones. */
  public static TerminalTask of(String key) {
    for (TerminalTask t : values()) {
      if (t.key.equals(key.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    List<String> keys = new ArrayList<>();
    for (TerminalTask t : values()) {
      keys.add(t.key);
    }
    throw new IllegalArgumentException("terminal task must be one of " + keys + "; got '" + key + "'");
  }

  /** Lays out one episode of this task from {@code random}. */
  public TerminalEpisode episode(SplittableRandom random) {
    String[] w = distinct(random, 6);
    return switch (this) {
      case ECHO -> new TerminalEpisode(this, "echo " + w[0], banner("echo " + w[0]), w[0], List.of());
      case TOUCH -> new TerminalEpisode(this, "create the file " + w[0], banner("create the file " + w[0]), w[0],
          List.of());
      case LIST -> new TerminalEpisode(this, "list the folder " + w[0] + " from inside it",
          "mkdir " + w[0] + " " + w[3] + "\n: > " + w[0] + "/" + w[1] + "\n: > " + w[0] + "/" + w[2] + "\n: > "
              + w[3] + "/" + w[4] + "\n" + banner("list the folder " + w[0] + " from inside it"),
          w[0], List.of(w[1], w[2]));
      case COUNT -> {
        int lines = 3 + random.nextInt(10);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
          text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        yield new TerminalEpisode(this, "count the lines of " + w[0],
            "printf '%s\\n'" + text + " > " + w[0] + "\n" + banner("count the lines of " + w[0]), w[0],
            List.of(Integer.toString(lines)));
      }
      case FIND -> {
        int holder = random.nextInt(4);
        StringBuilder setup = new StringBuilder();
        for (int f = 0; f < 4; f++) {
          String inside = f == holder ? w[4] : w[5];
          setup.append("printf '%s\\n' ").append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(inside)
              .append(" > ").append(w[f]).append('\n');
        }
        setup.append(banner("which file holds the word " + w[4] + "?"));
        yield new TerminalEpisode(this, "which file holds the word " + w[4] + "?", setup.toString(), w[holder],
            List.of(w[4], w[0], w[1], w[2], w[3]));
      }
      case KILL -> new TerminalEpisode(this, "kill the runaway process",
          "set -m\nnice -n 10 sh -c 'while :; do :; done' &\nset +m\n"
              + "printf 'task: kill the runaway process %s\\n' \"$!\"\n", "", List.of());
    };
  }

  private static String banner(String mission) {
    return "printf 'task: %s\\n' '" + mission + "'\n";
  }

  private static String[] distinct(SplittableRandom random, int n) {
    String[] out = new String[n];
    List<String> pool = new ArrayList<>(List.of(WORDS));
    for (int i = 0; i < n; i++) {
      out[i] = pool.remove(random.nextInt(pool.size()));
    }
    return out;
  }
}
