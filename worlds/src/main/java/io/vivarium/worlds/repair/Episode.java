package io.vivarium.worlds.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One repair task: the clean passage, the corruptions applied to it in order, the clean
 * herring passages shown beside it, and the observation text. Immutable and thread-safe.
 *
 * <p>A framed observation shows each passage under a header {@code #File: NAME (N lines)}
 * followed by exactly N lines, then {@code #Repair: NAME} naming the damaged one, then, when
 * the preset shows it, {@code #Diagnosis:} and one {@code - } line per corruption. An unframed
 * observation is the corrupted passage alone.
 *
 * @param seed the seed the episode was made from
 * @param target the file name of the damaged passage in a framed observation
 * @param prompt the observation text
 */
public record Episode(
    long seed, String clean, String corrupted, List<Corruption> corruptions,
    List<String> herrings, String target, String prompt) {
  static final String FILE = "#File: ";
  static final String REPAIR = "#Repair: ";
  static final String DIAGNOSIS = "#Diagnosis:";

  public Episode {
    Objects.requireNonNull(clean, "clean");
    Objects.requireNonNull(corrupted, "corrupted");
    corruptions = List.copyOf(corruptions);
    herrings = List.copyOf(herrings);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(prompt, "prompt");
  }

  /** The diagnosis lines, one per corruption, in the order they were applied. */
  public List<String> diagnosis() {
    return corruptions.stream().map(Corruption::diagnosis).toList();
  }

  /** The operations applied, in order (an operation may appear more than once). */
  public List<Operation> operations() {
    return corruptions.stream().map(Corruption::operation).toList();
  }

  /** The unified diff that turns the corrupted passage back into the clean one. */
  public String groundTruthDiff() {
    return Diffs.unified(corrupted, clean);
  }

  /** The framed observation: passages under headers, the target named, maybe the diagnosis. */
  static String frame(List<String> passages, int targetIndex, List<String> diagnosis) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < passages.size(); i++) {
      String p = passages.get(i);
      b.append(FILE).append(fileName(i)).append(" (").append(Diffs.lines(p).size())
          .append(" lines)\n").append(p).append('\n');
    }
    b.append(REPAIR).append(fileName(targetIndex));
    if (!diagnosis.isEmpty()) {
      b.append('\n').append(DIAGNOSIS);
      diagnosis.forEach(d -> b.append("\n- ").append(d));
    }
    return b.toString();
  }

  static String fileName(int i) {
    return "passage-" + (i + 1) + ".txt";
  }

  /**
   * The passage to repair in an observation: the named target of a framed observation, else
   * the whole text. Solvers use this to find their input.
   */
  public static String targetOf(String observation) {
    if (!observation.startsWith(FILE)) {
      return observation;
    }
    List<String> lines = Diffs.lines(observation);
    List<String[]> files = new ArrayList<>(); // (name, text)
    int i = 0;
    while (i < lines.size() && lines.get(i).startsWith(FILE)) {
      String header = lines.get(i).substring(FILE.length());
      int open = header.lastIndexOf(" (");
      if (open < 0 || !header.endsWith(" lines)")) {
        return observation;
      }
      int n;
      try {
        n = Integer.parseInt(header.substring(open + 2, header.length() - " lines)".length()));
      } catch (NumberFormatException e) {
        return observation;
      }
      if (n < 0 || i + 1 + n > lines.size()) {
        return observation;
      }
      files.add(new String[] {header.substring(0, open),
          String.join("\n", lines.subList(i + 1, i + 1 + n))});
      i += 1 + n;
    }
    if (i < lines.size() && lines.get(i).startsWith(REPAIR)) {
      String name = lines.get(i).substring(REPAIR.length());
      for (String[] f : files) {
        if (f[0].equals(name)) {
          return f[1];
        }
      }
    }
    return observation;
  }
}
