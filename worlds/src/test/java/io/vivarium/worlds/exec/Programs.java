package io.vivarium.worlds.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test programs for the sandbox: a few hand-assembled x86-64 snippets, and the hostile suite
 * compiled at test time from {@code src/test/c/hostile} with gcc into flat binaries (entry at
 * the first byte, linked for the executor's load address by {@code flat.ld}).
 */
final class Programs {
  private Programs() {}

  /** {@code mov eax, imm32}. */
  static byte[] movEax(int v) {
    return cat(new byte[] {(byte) 0xb8}, le(v));
  }

  /** {@code mov edi, imm32}. */
  static byte[] movEdi(int v) {
    return cat(new byte[] {(byte) 0xbf}, le(v));
  }

  /** {@code syscall}. */
  static byte[] syscall() {
    return new byte[] {0x0f, 0x05};
  }

  /** {@code int 0x80} (the i386 entry point). */
  static byte[] int80() {
    return new byte[] {(byte) 0xcd, (byte) 0x80};
  }

  /** x86-64 call {@code nr} with no arguments. */
  static byte[] call(int nr) {
    return cat(movEax(nr), syscall());
  }

  /** {@code exit(code)}. */
  static byte[] exit(int code) {
    return cat(movEdi(code), movEax(60), syscall());
  }

  /** {@code write(1, text, n); exit(0)}: the text follows the code, addressed absolutely. */
  static byte[] write(String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    int codeLen = 5 + 5 + 5 + 5 + 2 + 12; // mov edi; mov esi; mov edx; mov eax; syscall; exit
    int addr = (int) (ExecProtocol.LOAD_ADDRESS + ExecProtocol.CODE_OFFSET + codeLen);
    return cat(movEdi(1), cat(new byte[] {(byte) 0xbe}, le(addr)),
        cat(new byte[] {(byte) 0xba}, le(t.length)), movEax(1), syscall(), exit(0), t);
  }

  /** {@code exit(open(name, O_WRONLY|O_CREAT|O_EXCL, 0644))}: exit code 3 if created, 239 if it existed. */
  static byte[] createFile(String name) {
    byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
    int codeLen = 5 + 5 + 5 + 5 + 2 + 2 + 5 + 2; // mov×4; syscall; mov edi,eax; mov eax; syscall
    int addr = (int) (ExecProtocol.LOAD_ADDRESS + ExecProtocol.CODE_OFFSET + codeLen);
    return cat(movEdi(addr), cat(new byte[] {(byte) 0xbe}, le(0x41 | 0x80)),
        cat(new byte[] {(byte) 0xba}, le(0644)), movEax(2), syscall(),
        new byte[] {(byte) 0x89, (byte) 0xc7}, movEax(60), syscall(), n);
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  private static byte[] le(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }

  /** Compiles every hostile program into {@code out}; returns their names. */
  static List<String> compileHostile(Path out, int canaryPort, Path projectDir, Path canarySock) {
    Path src = Path.of("src/test/c/hostile").toAbsolutePath();
    List<String> names = new ArrayList<>();
    try (var files = Files.list(src)) {
      Files.createDirectories(out);
      for (Path c : files.filter(p -> p.toString().endsWith(".c")).sorted().toList()) {
        String name = c.getFileName().toString().replace(".c", "");
        gcc(c, out.resolve(name + ".bin"), src, canaryPort, projectDir, canarySock);
        names.add(name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void gcc(Path c, Path bin, Path src, int port, Path project, Path sock)
      throws IOException {
    List<String> cmd = List.of("gcc", "-nostdlib", "-static", "-ffreestanding",
        "-fno-stack-protector", "-fno-pic", "-no-pie", "-fno-asynchronous-unwind-tables",
        "-fcf-protection=none", "-Os", "-DCANARY_PORT=" + port,
        "-DPROJECT_DIR=\"" + project + "\"", "-DCANARY_SOCK=\"" + sock + "\"",
        "-T", src.resolve("flat.ld").toString(), "-Wl,--oformat=binary", "-Wl,--build-id=none",
        "-o", bin.toString(), c.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("gcc failed on " + c + ":\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
