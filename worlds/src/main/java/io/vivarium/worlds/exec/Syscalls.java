package io.vivarium.worlds.exec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of the x86-64 system calls, read from the table the build extracts from the kernel
 * headers the executor was compiled against ({@code syscalls-x86_64.txt}). Thread-safe.
 */
public final class Syscalls {
  private static final String[] NAMES = new String[ExecProtocol.HIST_SLOTS];
  private static final Map<String, Integer> NUMBERS = new HashMap<>();

  static {
    try (InputStream in = Syscalls.class.getResourceAsStream("syscalls-x86_64.txt")) {
      if (in != null) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String[] parts = line.trim().split(" ");
          if (parts.length == 2) {
            int nr = Integer.parseInt(parts[0]);
            if (nr < NAMES.length) {
              NAMES[nr] = parts[1];
            }
            NUMBERS.put(parts[1], nr);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Syscalls() {}

  /** The name of x86-64 call {@code number}, or its number as text when unknown. */
  public static String name(int number) {
    String n = number >= 0 && number < NAMES.length ? NAMES[number] : null;
    return n != null ? n : "x86_64:" + number;
  }

  /** The number of the x86-64 call named {@code name}; an unknown name is an error. */
  public static int number(String name) {
    Integer nr = NUMBERS.get(name);
    if (nr == null) {
      throw new IllegalArgumentException("unknown x86-64 system call '" + name
          + "'; use a name from the kernel's unistd_64.h, e.g. getpid");
    }
    return nr;
  }
}
