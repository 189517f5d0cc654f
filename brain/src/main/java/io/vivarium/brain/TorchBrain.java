package io.vivarium.brain;

import io.vivarium.brain.tensor.Tensor;
import io.vivarium.brain.tensor.Arena;
import io.vivarium.brain.tensor.Shape;
import io.vivarium.brain.model.Batch;
import io.vivarium.brain.model.KvCache;
import io.vivarium.brain.model.Transformer;
import io.vivarium.brain.model.Weights;
import io.vivarium.core.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The brain on libtorch. Parameters live in one long-lived arena; every call
 * works in its own child arena that is closed before the call returns, so native memory stays
 * flat however long the brain lives.
 *
 * <p>Thread-safe: inference ({@link #act}, {@link #actUncached}, {@link #generate},
 * {@link #embed}, {@link #save}, {@link #copy}) may run concurrently under the read lock ({@link #save}
 * and {@link #toBytes} hold it while they stream the weights, so an update waits for the write);
 * {@link #mutate} and {@link #update} hold an exclusive lock. Gradients are recorded per
 * thread ({@link Autograd}), so different brains may update at the same time.
 */
public final class TorchBrain implements Brain {
  private final Weights weights;
  private final Arena root;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile float[][] lastHidden = new float[0][];
  /** What the brain was trained for, or null; written with it, carried by copies. */
  private volatile TrainedFor trainedFor;

  private TorchBrain(BrainShape shape, Function<String, float[]> values, long seed) {
    Torch.engine();
    this.root = Arena.newRoot();
    try {
      this.weights = values == null
          ? Weights.init(shape, root, seed)
          : Weights.of(shape, root, values);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  /**
   * A fresh brain of {@code shape} on the CPU with weights drawn from {@code seed}; refused when the
   * machine's available memory cannot train it ({@link BrainMemory}).
   */
  public static TorchBrain create(BrainShape shape, long seed) {
    BrainMemory.requireTrainable(shape);
    return new TorchBrain(shape, null, seed);
  }

  /**
   * A fresh brain as {@code config} describes it (preset and overrides, device, threads), with
   * weights drawn from {@code seed}; starts the engine if needed.
   */
  public static TorchBrain create(io.vivarium.core.config.BrainConfig config, long seed) {
    Torch.start(config, null);
    Torch.device(config.device());
    return create(BrainShape.of(config), seed);
  }

  /**
   * A fresh brain of {@code shape} (e.g. {@code config}'s, fitted to a world) on {@code config}'s
   * device and threads, with weights drawn from {@code seed}; starts the engine if needed.
   */
  public static TorchBrain create(io.vivarium.core.config.BrainConfig config, BrainShape shape, long seed) {
    Torch.start(config, null);
    Torch.device(config.device());
    return create(shape, seed);
  }

  /** A brain with the given parameter values (one array per {@link Weights#layout} entry). */
  public static TorchBrain of(BrainShape shape, Map<String, float[]> values) {
    return new TorchBrain(shape, values::get, 0);
  }

  /**
   * Reads a brain file (see {@link BrainFile}), one parameter at a time into native memory: the
   * Java heap never holds the whole brain.
   */
  public static TorchBrain load(Path file) throws IOException {
    return BrainFile.read(file, TorchBrain::built);
  }

  /** A brain from brain-file bytes (e.g. a checkpoint payload); {@code source} names them. */
  public static TorchBrain fromBytes(byte[] bytes, String source) {
    return BrainFile.fromBytes(bytes, source, TorchBrain::built);
  }

  private static TorchBrain built(BrainShape shape, TrainedFor trainedFor,
      Function<String, float[]> parameters) {
    BrainMemory.requireLoadable(shape);
    TorchBrain b = new TorchBrain(shape, parameters, 0);
    b.trainedFor = trainedFor;
    return b;
  }

  /**
   * The brain-file bytes of this brain (what {@link #save} writes); for brains whose file stays
   * under 2 GiB ({@link BrainFile#MAX_BYTES}), larger ones are refused: {@link #save} them.
   */
  public byte[] toBytes() throws IOException {
    lock.readLock().lock();
    try {
      return BrainFile.toBytes(shape(), this::values, trainedFor);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** One parameter's values; the caller holds a lock. */
  private float[] values(String name) {
    return weights.get(name).toFloatArray();
  }

  /** What the brain was trained for (world, preset, observation encoding), when recorded. */
  public Optional<TrainedFor> trainedFor() {
    return Optional.ofNullable(trainedFor);
  }

  /** Records what the brain is trained for; {@link #save} and {@link #toBytes} write it. */
  public void setTrainedFor(TrainedFor trainedFor) {
    this.trainedFor = java.util.Objects.requireNonNull(trainedFor, "trainedFor");
  }

  @Override
  public BrainShape shape() {
    return weights.shape();
  }

  @Override
  public long parameterCount() {
    return weights.count();
  }

  /**
   * Runs {@code work} on the weights with exclusive access, for learners. Work that runs a
   * backward pass records gradients inside {@link Autograd#record} (per thread).
   */
  public <T> T update(Function<Weights, T> work) {
    lock.writeLock().lock();
    try {
      return work.apply(weights);
    } finally {
      Autograd.off();
      lock.writeLock().unlock();
    }
  }

  /**
   * Runs inference {@code work} on the weights under the shared (read) lock, without gradients:
   * acting never waits for another inference, only for an update of this brain's weights.
   */
  public <T> T infer(Function<Weights, T> work) {
    lock.readLock().lock();
    try {
      Autograd.off();
      return work.apply(weights);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Acted> act(List<BrainInput> inputs, Sampling sampling, SplittableRandom rng) {
    lock.readLock().lock();
    try {
      Autograd.off();
      return Sampler.run(this, inputs, sampling, rng);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * {@link #act} without the key/value cache: every generated token reruns the whole sequence.
   * The reference the cached sampler is tested against, and the baseline of the generation
   * benchmark; same results as {@link #act} up to float rounding.
   */
  public List<Acted> actUncached(List<BrainInput> inputs, Sampling sampling, SplittableRandom rng) {
    lock.readLock().lock();
    try {
      Autograd.off();
      return Sampler.runUncached(this, inputs, sampling, rng);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public byte[] generate(BrainInput prompt, Sampling sampling, SplittableRandom rng) {
    return act(List.of(prompt), sampling, rng).get(0).bytes();
  }

  /**
   * One inference pass for {@link Sampler}: the logits and values at each row's last position.
   *
   * @return logits (B, V) and values (B) flattened into a {@code float[B][V + 1]}
   */
  float[][] lastLogits(List<BrainInput> inputs, boolean keepHidden) {
    try (Arena m = weights.arena().newChild()) {
      Batch b = Batch.of(m, shape(), inputs);
      Tensor last; // (B, C)
      if (keepHidden) {
        Tensor hidden = Transformer.hidden(weights, b, false); // (B, S, C)
        keepHidden(hidden.get(0).toFloatArray(), b.patchCount() + b.lengths()[0]);
        long[] index = new long[b.size() * shape().dim()];
        for (int i = 0; i < b.size(); i++) {
          java.util.Arrays.fill(index, i * shape().dim(), (i + 1) * shape().dim(),
              b.patchCount() + b.lengths()[i] - 1L);
        }
        last = hidden.gather(m.create(index, new Shape(b.size(), 1, shape().dim())), 1).squeeze(1);
      } else {
        last = Transformer.last(weights, b, false); // the last block for the last positions only
      }
      float[] logits = Transformer.logits(weights, last).toFloatArray(); // (B, V)
      float[] values = Transformer.values(weights, last).toFloatArray(); // (B)
      float[][] out = new float[b.size()][shape().vocab() + 1];
      for (int i = 0; i < b.size(); i++) {
        System.arraycopy(logits, i * shape().vocab(), out[i], 0, shape().vocab());
        out[i][shape().vocab()] = values[i];
      }
      return out;
    }
  }

  /**
   * A key/value cache over {@code inputs} for {@link Sampler}; keeps the first input's final
   * hidden state for {@link #lastHidden}. The caller holds the read lock and closes the cache.
   */
  KvCache cache(List<BrainInput> inputs) {
    KvCache c = KvCache.open(weights, inputs);
    keepHidden(c.firstHidden(), c.firstHidden().length / shape().dim());
    return c;
  }

  private void keepHidden(float[] flat, int positions) {
    int c = shape().dim();
    float[][] h = new float[positions][c];
    for (int i = 0; i < positions; i++) {
      System.arraycopy(flat, i * c, h[i], 0, c);
    }
    lastHidden = h;
  }

  @Override
  public float[] embed(BrainInput input) {
    lock.readLock().lock();
    try (Arena m = weights.arena().newChild()) {
      Autograd.off();
      BrainInput in = input.keepLast(shape().block() * shape().group());
      Tensor hidden = Transformer.hidden(weights, Batch.of(m, shape(), List.of(in)), false);
      float[] flat = hidden.get(0).toFloatArray(); // (S, C)
      keepHidden(flat, flat.length / shape().dim()); // positions: patches plus token groups
      return hidden.get(0).mean(new int[] {0}).toFloatArray();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public TorchBrain copy() {
    lock.readLock().lock();
    try {
      TorchBrain b = new TorchBrain(shape(), this::values, 0); // one parameter at a time
      b.trainedFor = trainedFor;
      return b;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void mutate(double sigma, long seed) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "mutation sigma must be a finite number >= 0; got " + sigma + " (try 0.01)");
    }
    SplittableRandom rng = new SplittableRandom(seed);
    update(w -> {
      Autograd.off();
      try (Arena m = w.arena().newChild()) {
        for (Tensor p : w.all().values()) {
          float[] noise = new float[Math.toIntExact(p.size())];
          for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (rng.nextGaussian() * sigma);
          }
          p.addi(m.create(noise, p.getShape()));
        }
      }
      return null;
    });
  }

  @Override
  public void save(Path file) throws IOException {
    lock.readLock().lock(); // held while the file streams, one parameter at a time
    try {
      BrainFile.write(file, shape(), this::values, trainedFor);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public float[][] lastHidden() {
    return lastHidden;
  }

  /** The token id range a brain samples from: bytes and {@code <eos>}. */
  static boolean sampleable(int token) {
    return Vocabulary.isByte(token) || token == Vocabulary.EOS;
  }

  @Override
  public void close() {
    root.close();
  }
}
