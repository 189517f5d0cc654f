package io.vivarium.zoo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * x86-64 disassembly of an agent's output bytes by Debian's binutils: {@code objdump -D -b binary
 * -mi386:x86-64 FILE} on a private temporary file, which objdump only reads (the bytes are never
 * executed here). At most {@value #TIMEOUT_MS} ms and {@value #MAX_CHARS} characters per
 * program; the temporary files are always deleted. A missing objdump or a failure is a line of
 * text in place of the listing, never an exception. Thread-safe (stateless but for its command).
 */
final class Disassembly {
  private static final Logger log = LoggerFactory.getLogger(Disassembly.class);
  static final long TIMEOUT_MS = 2000;
  static final int MAX_CHARS = 32 * 1024;
  /** What the page shows when objdump is missing. */
  static final String MISSING = "objdump not installed (apt install binutils)";

  private final String objdump;
  private final Path tempDir;

  /** Disassembles with {@code objdump} (a path, or a name looked up on PATH), its files in {@code tempDir}. */
  Disassembly(String objdump, Path tempDir) {
    this.objdump = objdump;
    this.tempDir = tempDir;
  }

  /** Disassembles with the {@code objdump} on PATH, its files in the system's temporary directory. */
  Disassembly() {
    this("objdump", Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Whether an agent living in world preset {@code world} outputs machine code: the rule is exec
   * presets ({@code exec-…}) except the shell ones ({@code exec-shell-…}), whose bytes are a script.
   */
  static boolean machineCode(String world) {
    return world.startsWith("exec-") && !world.startsWith("exec-shell-");
  }

  /** The listing of {@code program} (one instruction a line, offset, bytes, mnemonic), or why there is none. */
  String of(byte[] program) {
    if (program.length == 0) {
      return "";
    }
    Path in = null;
    Path out = null;
    try {
      in = Files.createTempFile(tempDir, "vivarium-disasm-", ".bin");
      out = Files.createTempFile(tempDir, "vivarium-disasm-", ".txt");
      Files.write(in, program);
      return run(in, out);
    } catch (IOException e) {
      return notInstalled(e) ? MISSING : "disassembly failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "disassembly interrupted";
    } finally {
      delete(in);
      delete(out);
    }
  }

  private String run(Path in, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(objdump, "-D", "-b", "binary", "-mi386:x86-64", in.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return "disassembly timed out after " + TIMEOUT_MS + " ms";
    }
    String text = head(out);
    if (p.exitValue() != 0) {
      return "objdump failed (exit " + p.exitValue() + "): " + text.strip();
    }
    return listing(text);
  }

  /** The instructions of objdump's output: what follows the {@code <.data>:} label. */
  static String listing(String objdumpOutput) {
    int label = objdumpOutput.indexOf("<.data>:");
    String body = label < 0 ? objdumpOutput : objdumpOutput.substring(objdumpOutput.indexOf('\n', label) + 1);
    return body.strip();
  }

  private static String head(Path file) throws IOException {
    try (InputStream s = Files.newInputStream(file)) {
      byte[] b = s.readNBytes(MAX_CHARS + 1);
      String text = new String(Arrays.copyOf(b, Math.min(b.length, MAX_CHARS)), StandardCharsets.UTF_8);
      return b.length > MAX_CHARS ? text + "\n… (cut at " + MAX_CHARS + " characters)" : text;
    }
  }

  private static boolean notInstalled(IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("error=2,") || m.contains("No such file");
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        log.warn("cannot delete temporary file {}: {}", p, e.toString());
      }
    }
  }
}
