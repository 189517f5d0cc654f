package io.vivarium.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the packaged {@code ../vivarium} launcher for integration tests. Stateless. */
final class Launcher {
  /** The repository's launcher script. */
  static final Path SCRIPT = Path.of("..", "vivarium").toAbsolutePath().normalize();

  private Launcher() {}

  /** {@code vivarium ARGS --data DATA} in {@code workDir}, stderr merged, never building. */
  static ProcessBuilder command(Path workDir, Path data, String... args) {
    List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--data", data.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().put("VIVARIUM_SKIP_BUILD", "1");
    return pb;
  }
}
