package io.vivarium.worlds.exec;

import java.util.Arrays;
import java.util.Locale;

/** How the sandbox runs a program's bytes. Thread-safe. */
public enum ExecMode {
  /** The bytes are x86-64 machine code, wrapped as a minimal static ELF; the root is empty. */
  MACHINE,
  /** The bytes are a {@code /bin/sh} script; {@code /usr} is visible read-only. */
  SHELL;

  /** The lower-case name used in presets, configuration and the CLI. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code key}; an unknown name lists the known ones. */
  public static ExecMode of(String key) {
    for (ExecMode m : values()) {
      if (m.key().equalsIgnoreCase(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("exec mode must be one of "
        + Arrays.stream(values()).map(ExecMode::key).toList() + "; got '" + key + "'");
  }
}
