package io.vivarium.cli;

import io.vivarium.worlds.exec.ExecLimits;
import io.vivarium.worlds.exec.ExecMode;
import io.vivarium.worlds.exec.ExecOutcome;
import io.vivarium.worlds.exec.ExecutorPool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium exec}: runs one program in the exec world's sandbox and prints its outcome
 * and syscall histogram. A program that crashes or hangs is still a successful command.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = "Run bytes in the exec sandbox (x86-64 machine code or a sh script) and show "
        + "the outcome and the system-call histogram.")
final class ExecCommand extends VivariumCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "File whose bytes to run.")
  Path file;

  @Option(names = "--hex", paramLabel = "HEX", description = "The program as hex digits, e.g. b83c0000000f05.")
  String hex;

  @Option(names = "--random", paramLabel = "N", description = "Run N random bytes (seeded by --seed).")
  Integer random;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of --random (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--mode", paramLabel = "MODE", description = "machine or shell (default: ${DEFAULT-VALUE}).")
  String mode = "machine";

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Wall-clock limit (default: the mode's).")
  Integer timeoutMillis;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    byte[] program = program();
    ExecLimits limits = ExecLimits.defaults(ExecMode.of(mode));
    if (timeoutMillis != null) {
      limits = limits.withTimeout(timeoutMillis);
    }
    ExecOutcome o;
    try (ExecutorPool pool = new ExecutorPool(limits, 1)) {
      o = pool.run(program);
    }
    if (json) {
      out().println(o.toJson());
      return 0;
    }
    out().println(o.summary());
    o.histogramByName().forEach((name, count) -> out().printf("  %-20s %d%n", name, count));
    if (o.output().length > 0) {
      out().println("output:");
      out().println(new String(o.output(), StandardCharsets.UTF_8));
    }
    return 0;
  }

  private byte[] program() throws Exception {
    int given = (file != null ? 1 : 0) + (hex != null ? 1 : 0) + (random != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException("vivarium exec needs exactly one program source: FILE, "
          + "--hex HEX or --random N; got " + given);
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("exec FILE must be a readable file; got '" + file + "'");
      }
      return Files.readAllBytes(file);
    }
    if (hex != null) {
      String digits = hex.replaceAll("\\s", "");
      if (!digits.matches("([0-9a-fA-F]{2})*")) {
        throw new IllegalArgumentException("--hex must be pairs of hex digits (e.g. b83c0000000f05); got '"
            + hex + "'");
      }
      return HexFormat.of().parseHex(digits);
    }
    if (random < 1 || random > 1 << 20) {
      throw new IllegalArgumentException("--random must be between 1 and 1048576 bytes; got " + random);
    }
    byte[] bytes = new byte[random];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }
}
