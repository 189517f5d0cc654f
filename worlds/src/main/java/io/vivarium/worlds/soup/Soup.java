package io.vivarium.worlds.soup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A primordial soup as cubff runs it. One {@link #step() epoch}: a random permutation of all
 * tapes pairs tape {@code s[2k]} with tape {@code s[2k+1]}; every byte of a pair is replaced by a
 * random byte with the mutation probability; each pair then runs as one 128-byte
 * {@code bff_noheads} program through the {@link PairEngine} (at most {@link Bff#MAX_STEPS}
 * steps) and is written back. All randomness comes from {@link SoupRandom}, so the bytes after
 * any epoch are the same for every thread count — and equal cubff's for the same seed and size.
 *
 * <p>Used from one thread at a time; {@link #close()} stops the worker threads.
 */
public final class Soup implements AutoCloseable {
  private static final int CHUNKS_PER_THREAD = 8;
  // the mutation's SplitMix64 numbers a vector at a time when jdk.incubator.vector is present
  private static final boolean VECTOR_MUTATION =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && SoupMutation.usable();

  private final SoupOptions options;
  private final PairEngine engine;
  private final SoupRandom random;
  private final byte[] bytes;
  private final ExecutorService pool;
  private long epoch;
  private long totalOps;
  private final long[] nanos = new long[3];

  private Soup(SoupOptions options, PairEngine engine, byte[] bytes, long epoch) {
    this.options = options;
    this.engine = engine;
    this.random = new SoupRandom(options.seed());
    this.bytes = bytes;
    this.epoch = epoch;
    this.pool = options.threads() == 1 ? null : Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "soup-worker");
      t.setDaemon(true);
      return t;
    });
  }

  /** A new soup at epoch 0: random tapes (as cubff draws them) or zeros. */
  public static Soup create(SoupOptions options, PairEngine engine) {
    byte[] bytes = new byte[options.size() * Bff.TAPE];
    if (!options.zeroInit()) {
      new SoupRandom(options.seed()).initial(bytes, options.size());
    }
    return new Soup(options, engine, bytes, 0);
  }

  /** A soup resumed at {@code epoch} with {@code bytes} (a checkpoint's), which it takes over. */
  public static Soup resume(SoupOptions options, PairEngine engine, long epoch, byte[] bytes) {
    if (bytes.length != options.size() * Bff.TAPE) {
      throw new IllegalArgumentException("a soup of " + options.size() + " tapes has " + options.size() * Bff.TAPE
          + " bytes; got " + bytes.length + "; resume with the size the checkpoint was made with");
    }
    if (epoch < 0) {
      throw new IllegalArgumentException("a soup's epoch must be >= 0; got " + epoch);
    }
    return new Soup(options, engine, bytes, epoch);
  }

  /** Runs one epoch; returns its ops (instructions executed over all pairs). */
  public long step() throws InterruptedException {
    long t0 = System.nanoTime();
    int[] s = random.permutation(epoch, options.size());
    int pairs = options.size() / 2;
    int[] first = new int[pairs];
    int[] second = new int[pairs];
    for (int k = 0; k < pairs; k++) {
      first[k] = s[2 * k];
      second[k] = s[2 * k + 1];
    }
    long t1 = System.nanoTime();
    long seedE = random.seed(epoch);
    forChunks(pairs, (from, to) -> {
      mutate(first, second, from, to, seedE);
      return 0L;
    });
    long t2 = System.nanoTime();
    long ops = forChunks(pairs, (from, to) -> engine.runPairs(bytes, first, second, from, to, Bff.MAX_STEPS));
    long t3 = System.nanoTime();
    nanos[0] += t1 - t0;
    nanos[1] += t2 - t1;
    nanos[2] += t3 - t2;
    epoch++;
    totalOps += ops;
    return ops;
  }

  /** cubff's mutation of pairs {@code [from, to)}: byte {@code i} of pair {@code k} draws its own number. */
  private void mutate(int[] first, int[] second, int from, int to, long seedE) {
    long prob = options.mutationProb();
    if (prob == 0) {
      return;
    }
    long size = options.size();
    if (VECTOR_MUTATION) {
      SoupMutation.mutate(bytes, first, second, from, to, size, seedE, prob);
      return;
    }
    for (int k = from; k < to; k++) {
      long base = (size * seedE + k) * Bff.PAIR;
      for (int i = 0; i < Bff.PAIR; i++) {
        long r = SoupRandom.splitMix64(base + i);
        if (((r >>> 8) & (SoupOptions.MUTATION_ONE - 1)) < prob) {
          int tape = i < Bff.TAPE ? first[k] : second[k];
          bytes[tape * Bff.TAPE + (i & (Bff.TAPE - 1))] = (byte) r;
        }
      }
    }
  }

  @FunctionalInterface
  private interface Range {
    long run(int from, int to);
  }

  private long forChunks(int pairs, Range range) throws InterruptedException {
    if (pool == null) {
      return range.run(0, pairs);
    }
    int chunks = Math.min(pairs, options.threads() * CHUNKS_PER_THREAD);
    List<Future<Long>> parts = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) pairs * c / chunks);
      int to = (int) ((long) pairs * (c + 1) / chunks);
      parts.add(pool.submit(() -> range.run(from, to)));
    }
    long sum = 0;
    try {
      for (Future<Long> f : parts) {
        sum += f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("soup engine " + engine.name() + " failed: " + e.getCause(), e.getCause());
    }
    return sum;
  }

  /** The soup's bytes, live: tape {@code i} at {@code i * 64}. Do not modify between epochs. */
  public byte[] bytes() {
    return bytes;
  }

  /** Epochs run so far (including those before a resume). */
  public long epoch() {
    return epoch;
  }

  /** Ops executed by this object since it was made (not across a resume). */
  public long totalOps() {
    return totalOps;
  }

  public SoupOptions options() {
    return options;
  }

  public PairEngine engine() {
    return engine;
  }

  /**
   * Wall time spent so far in the parts of an epoch, in nanoseconds: pairing (the permutation),
   * mutation, and running the pairs through the engine.
   */
  public Timing timing() {
    return new Timing(nanos[0], nanos[1], nanos[2]);
  }

  /** Where an epoch's time went, in nanoseconds. */
  public record Timing(long pairingNanos, long mutationNanos, long engineNanos) {}

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
