package io.vivarium.brain.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A NumPy-style index over leading axes, written as text: parts separated by commas, one per
 * axis — {@code :} (all), {@code a:b}, {@code a:} or {@code :b} (a slice, ends may be negative),
 * {@code i} (one position; the axis is removed) — and {@code {}} placeholders filled in order by
 * the constructor's arguments (numbers, or an int64 vector {@link Tensor} standing for a whole
 * part, which picks those positions along its axis). Axes past the last part are kept whole.
 * Immutable.
 */
public final class Index {
  private final List<Object> parts = new ArrayList<>();

  public Index(String spec, Object... args) {
    int arg = 0;
    for (String raw : spec.split(",", -1)) {
      String part = raw.trim();
      if (part.equals("{}") && arg < args.length && args[arg] instanceof Tensor rows) {
        parts.add(rows);
        arg++;
        continue;
      }
      StringBuilder filled = new StringBuilder();
      for (int i = 0; i < part.length(); i++) {
        if (part.startsWith("{}", i)) {
          if (arg >= args.length) {
            throw new IllegalArgumentException("index '" + spec + "' has more {} than arguments");
          }
          filled.append(args[arg++]);
          i++;
        } else {
          filled.append(part.charAt(i));
        }
      }
      parts.add(filled.toString());
    }
  }

  Tensor apply(Tensor x) {
    Tensor out = x;
    List<Tensor> made = new ArrayList<>();
    int axis = 0;
    for (Object p : parts) {
      Tensor next;
      if (p instanceof Tensor rows) {
        next = out.indexSelect(axis, rows);
        axis++;
      } else {
        String s = (String) p;
        long size = out.length(axis);
        int colon = s.indexOf(':');
        if (colon < 0) {
          long i = Long.parseLong(s);
          next = out.select(axis, i < 0 ? size + i : i);
        } else {
          String a = s.substring(0, colon).trim();
          String b = s.substring(colon + 1).trim();
          long from = a.isEmpty() ? 0 : Long.parseLong(a);
          long to = b.isEmpty() ? size : Long.parseLong(b);
          from = Math.max(0, Math.min(size, from < 0 ? size + from : from));
          to = Math.max(from, Math.min(size, to < 0 ? size + to : to));
          axis++;
          if (from == 0 && to == size) {
            continue;
          }
          next = out.narrow(axis - 1, from, to - from);
        }
      }
      if (out != x) {
        made.add(out);
      }
      out = next;
    }
    if (out == x) {
      return x.get();
    }
    for (Tensor t : made) {
      t.close();
    }
    return out;
  }
}
