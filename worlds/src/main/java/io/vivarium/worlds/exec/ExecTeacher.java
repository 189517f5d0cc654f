package io.vivarium.worlds.exec;

import io.vivarium.core.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The programs {@code world.exec.teacher} offers an exec colony's agents as good answers to clone
 * (docs/worlds.md, "A teacher"; docs/soup.md, "Bridge to the colony"): one program file, or every
 * {@code *.bin} file of a directory in name order — what {@code vivarium soup export --replicators
 * DIR} writes. Which program an instance is shown for an episode follows from the episode's seed.
 * Immutable and thread-safe.
 */
public final class ExecTeacher {
  private final List<byte[]> programs;

  private ExecTeacher(List<byte[]> programs) {
    this.programs = programs;
  }

  /**
   * The programs at {@code path} for a preset that runs at most {@code actionBytes} bytes.
   *
   * @throws IllegalArgumentException naming the path, the rule and the fix, when it is missing, holds
   *     no program, or a program is empty or longer than {@code actionBytes}
   */
  public static ExecTeacher load(String path, int actionBytes) {
    Path p = Path.of(path);
    List<Path> files = new ArrayList<>();
    try {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".bin") && Files.isRegularFile(f)).sorted()
              .forEach(files::add);
        }
        if (files.isEmpty()) {
          throw new IllegalArgumentException("world.exec.teacher: " + path + " holds no *.bin program file; write "
              + "some with vivarium soup export --replicators " + path + ", or name one program file");
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("world.exec.teacher: no such file or directory: " + path
            + "; name a program file or a directory of *.bin programs (vivarium soup export --replicators DIR)");
      }
      List<byte[]> programs = new ArrayList<>(files.size());
      for (Path f : files) {
        byte[] b = Files.readAllBytes(f);
        if (b.length == 0 || b.length > actionBytes) {
          throw new IllegalArgumentException("world.exec.teacher: " + f + " has " + b.length + " bytes; a program "
              + "to clone has 1 to " + actionBytes + " (the preset's action bytes); shorten it or pick a preset "
              + "that runs longer programs");
        }
        programs.add(b);
      }
      return new ExecTeacher(List.copyOf(programs));
    } catch (IOException e) {
      throw new IllegalArgumentException("world.exec.teacher: cannot read " + path + ": " + e.getMessage()
          + "; check the path and its permissions", e);
    }
  }

  /** How many programs it offers. */
  public int size() {
    return programs.size();
  }

  /** The program shown to instance {@code instance} in the episode of seed {@code episodeSeed} (a copy). */
  public byte[] program(long episodeSeed, int instance) {
    int n = programs.size();
    return programs.get(n == 1 ? 0 : Math.floorMod(Seeds.derive(episodeSeed, "teacher", instance), n)).clone();
  }
}
