package io.vivarium.cli;

import io.vivarium.lab.exec.ExecRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium exec}: runs one program in the exec world's sandbox ({@link ExecRuns}) and
 * prints its outcome, syscall histogram, output and every reward's value. A program that crashes or hangs is still a successful command.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
    description = "Run bytes in the exec sandbox (x86-64 machine code or a sh script) and show "
        + "the outcome, the system-call histogram, the output and every exec reward's value.")
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
    ExecRuns.Report o = ExecRuns.run(mode, timeoutMillis, program);
    if (json) {
      out().println(o.json());
      return 0;
    }
    out().println(o.summary());
    o.histogram().forEach((name, count) -> out().printf("  %-20s %d%n", name, count));
    if (!o.output().isEmpty()) {
      out().println("output:");
      out().println(o.output());
    }
    out().println("rewards:");
    o.rewards().forEach((name, value) -> out().printf(Locale.ROOT, "  %-20s %.4f%n", name, value));
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
