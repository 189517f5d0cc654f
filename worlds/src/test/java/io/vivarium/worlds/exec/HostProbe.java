package io.vivarium.worlds.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the host state the hostile suites (exec and terminal) must leave unchanged. Thread-safe:
 * stateless.
 */
public final class HostProbe {
  private HostProbe() {}

  /** SHA-256 of a file's bytes, or "absent". */
  public static String sha256(Path p) {
    try {
      if (!Files.exists(p)) {
        return "absent";
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Processes (and zombies) whose real or effective uid is in this JVM's sandbox range. */
  public static List<String> sandboxProcesses() {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
        try {
          String status = Files.readString(p.resolve("status"));
          for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
              String[] f = line.substring(4).trim().split("\\s+");
              if (ExecutorPool.isSandboxUid(Long.parseLong(f[0]))
                  || ExecutorPool.isSandboxUid(Long.parseLong(f[1]))) {
                found.add(p.getFileName() + " " + status.lines().limit(3).toList());
              }
            }
          }
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * Skips the calling tests where the sandbox cannot run (not root and no unprivileged user
   * namespaces); as root it must run, so there a failure to start fails the test.
   */
  public static void assumeSandbox() {
    String why = ExecutorPool.unavailableReason();
    if (root()) {
      org.assertj.core.api.Assertions.assertThat(why).as("the sandbox must start as root").isNull();
    } else {
      org.junit.jupiter.api.Assumptions.assumeTrue(why == null, why);
    }
  }

  /** Whether the effective user is root (the sandbox needs it; CI runs as root). */
  public static boolean root() {
    try {
      return Files.readString(Path.of("/proc/self/status")).lines()
          .filter(l -> l.startsWith("Uid:")).findFirst().orElse("").split("\\s+")[2].equals("0");
    } catch (IOException e) {
      return false;
    }
  }
}
