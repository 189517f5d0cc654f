package io.vivarium.worlds.soup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The cubff outputs in {@code cubff-golden.txt} (how they were made is at the top of that file). */
final class Golden {
  private Golden() {}

  /** The lines of kind {@code kind} ("run", "soup", "log"), split on spaces, without the kind. */
  static List<String[]> lines(String kind) {
    try (InputStream in = Golden.class.getResourceAsStream("cubff-golden.txt")) {
      List<String[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith(kind + " ")) {
          String[] f = line.split(" ", kind.equals("run") ? 3 : -1);
          out.add(Arrays.copyOfRange(f, 1, f.length));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** cubff's text form of a program as bytes, padded with zeros to 128 (test programs use A only). */
  static byte[] parse(String text) {
    byte[] p = new byte[Bff.PAIR];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      p[i] = switch (c) {
        case '0' -> 0;
        case 'A' -> (byte) 196;
        default -> (byte) c;
      };
    }
    return p;
  }
}
