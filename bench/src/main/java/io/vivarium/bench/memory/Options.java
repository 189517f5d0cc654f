package io.vivarium.bench.memory;

import io.vivarium.core.config.MemoryConfig;

/** The options of {@link MemoryBench}, parsed from {@code --name value} pairs. Not thread-safe. */
final class Options {
  int n = 100_000;
  int dim = 128;
  int queries = 2_000;
  int clusters = 100;
  int threads = 2;
  long seed = 42;
  int overFetch = -1;
  int maxConn = -1;
  int beamWidth = -1;
  Boolean dedup; // null: the configuration's default
  double fitnessWeight = 0;
  int refreshMillis = -1;
  int ramBufferMb = -1;
  boolean compact = true;

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value, e.g. " + name + " 10");
      }
      String v = args[i + 1];
      try {
        switch (name) {
          case "--n" -> o.n = positive(name, Integer.parseInt(v));
          case "--dim" -> o.dim = positive(name, Integer.parseInt(v));
          case "--queries" -> o.queries = positive(name, Integer.parseInt(v));
          case "--clusters" -> o.clusters = Integer.parseInt(v);
          case "--threads" -> o.threads = positive(name, Integer.parseInt(v));
          case "--seed" -> o.seed = Long.parseLong(v);
          case "--over-fetch" -> o.overFetch = positive(name, Integer.parseInt(v));
          case "--max-conn" -> o.maxConn = positive(name, Integer.parseInt(v));
          case "--beam-width" -> o.beamWidth = positive(name, Integer.parseInt(v));
          case "--dedup" -> {
            o.dedup = bool(name, v);
          }
          case "--compact" -> o.compact = bool(name, v);
          case "--fitness-weight" -> o.fitnessWeight = Double.parseDouble(v);
          case "--refresh-ms" -> o.refreshMillis = positive(name, Integer.parseInt(v));
          case "--ram-buffer-mb" -> o.ramBufferMb = positive(name, Integer.parseInt(v));
          default -> throw new IllegalArgumentException("unknown option " + name + "; known:"
              + " --n --dim --queries --clusters --threads --seed --over-fetch --max-conn"
              + " --beam-width --dedup --compact --fitness-weight --refresh-ms --ram-buffer-mb");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option " + name + " must be a number; got '" + v + "'");
      }
    }
    if (o.clusters < 0) {
      throw new IllegalArgumentException("--clusters must be 0 (uniform) or more; got " + o.clusters);
    }
    return o;
  }

  private static boolean bool(String name, String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(name + " must be true or false; got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  private static int positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be at least 1; got " + v);
    }
    return v;
  }

  /** The configuration measured: the defaults with these options applied. */
  MemoryConfig config() {
    MemoryConfig d = MemoryConfig.defaults();
    return new MemoryConfig(true, d.k(), d.contextBytes(), fitnessWeight, pick(overFetch, d.overFetch()),
        pick(maxConn, d.maxConn()), pick(beamWidth, d.beamWidth()), d.commitEvery(),
        d.commitSeconds(), pick(refreshMillis, d.refreshMillis()), d.ttl(),
        dedup != null ? dedup : d.dedup(),
        d.dedupThreshold(), pick(ramBufferMb, d.ramBufferMb()));
  }

  private static int pick(int option, int fallback) {
    return option > 0 ? option : fallback;
  }
}
