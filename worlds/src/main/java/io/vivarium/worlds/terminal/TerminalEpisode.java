package io.vivarium.worlds.terminal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One laid-out episode of a {@link TerminalTask}: what the agent is told, the setup script that
 * prepares the home and prints the banner, the task's subject (the word, file or directory) and
 * its details; it judges success and tells the expert's command. Immutable and thread-safe.
 *
 * @param task the task
 * @param mission what the agent is told (the {@code text} channel; the banner shows it too)
 * @param setup the {@code /bin/sh} script run before the shell
 * @param subject the word to echo, the file to create, the directory to list, the file to count,
 *     the file that holds the word; empty for {@link TerminalTask#KILL}
 * @param details the files the listed directory holds; the line count; the word and every file
 */
public record TerminalEpisode(TerminalTask task, String mission, String setup, String subject,
    List<String> details) {
  private static final Pattern RUNAWAY = Pattern.compile("task: kill the runaway process (\\d+)");

  public TerminalEpisode {
    details = List.copyOf(details);
  }

  /** The checker script run in the sandbox on the home, or empty when the screen and the machine's state decide. */
  public String checkScript() {
    return task == TerminalTask.TOUCH ? "[ -f '" + subject + "' ]\n" : "";
  }

  /**
   * Whether the episode is done, given the screen, the terminal's last step and, asked only when
   * the task has a {@link #checkScript()}, the checker script's exit status ({@code 0} = passed).
   */
  public boolean done(Screen screen, TerminalStep step, java.util.function.IntSupplier checkExit) {
    if (step.ended()) {
      return false;
    }
    return switch (task) {
      case ECHO -> anyRow(screen, subject);
      case TOUCH -> checkExit.getAsInt() == 0;
      case LIST -> step.place().equals(subject) && listed(screen);
      case COUNT -> counted(screen);
      case FIND -> found(screen);
      case KILL -> step.processes() == 1;
    };
  }

  /** The command the expert types when the shell's directory is {@code place} (as {@link TerminalStep#place()}). */
  public String command(Screen screen, String place) {
    boolean home = place.equals(".");
    return switch (task) {
      case ECHO -> "echo " + subject;
      case TOUCH -> home ? "touch " + subject : "touch ~/" + subject;
      case LIST -> place.equals(subject) ? "ls" : home ? "cd " + subject + "; ls" : "cd ~/" + subject + "; ls";
      case COUNT -> home ? "wc -l " + subject : "wc -l ~/" + subject;
      case FIND -> home ? "grep -l " + details.get(0) + " *" : "cd; grep -l " + details.get(0) + " *";
      case KILL -> "kill " + runaway(screen);
    };
  }

  private static String runaway(Screen screen) {
    for (int r = 0; r < screen.rows(); r++) {
      Matcher m = RUNAWAY.matcher(screen.row(r));
      if (m.find()) {
        return m.group(1);
      }
    }
    return "%1";
  }

  private static boolean anyRow(Screen screen, String text) {
    for (int r = 0; r < screen.rows(); r++) {
      if (screen.row(r).strip().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private boolean listed(Screen screen) {
    for (int r = 0; r < screen.rows(); r++) {
      String row = screen.row(r);
      if (!row.startsWith("$ ") && !row.startsWith("task:") && details.stream().allMatch(row::contains)) {
        return true;
      }
    }
    return false;
  }

  private boolean counted(Screen screen) {
    String n = details.get(0);
    for (int r = 0; r < screen.rows(); r++) {
      String[] parts = screen.row(r).strip().split("\\s+");
      if (parts[0].equals(n) && (parts.length == 1 || parts.length == 2 && parts[1].endsWith(subject))) {
        return true;
      }
    }
    return false;
  }

  private boolean found(Screen screen) {
    boolean holder = false;
    for (int r = 0; r < screen.rows(); r++) {
      String row = screen.row(r).strip();
      for (String file : details.subList(1, details.size())) {
        if (row.equals(file) || row.endsWith("/" + file)) {
          if (!file.equals(subject)) {
            return false; // a listing of every file is no answer
          }
          holder = true;
        }
      }
    }
    return holder;
  }
}
