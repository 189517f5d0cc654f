package io.vivarium.cluster;

import io.vivarium.bench.cluster.Latencies;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.Memory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The shared memory through the cluster, as a node's agents use it: the {@link MemoryServer}
 * singleton (with a colony node's mailbox bound and dispatcher) on the oldest node, a
 * {@link ClusterMemory} on the youngest; recalls timed at a number of concurrent callers,
 * stores counted until a following refresh is answered; and the same recall on a local
 * {@link LuceneMemory} for comparison. Not thread-safe: one probe at a time.
 */
public final class MemoryProbe {
  /** Requests of one setting: how many, how many got no answer, their latencies, seconds. */
  public record Run(int callers, long requests, long missed, Latencies latency, double seconds) {
    public double perSecond() {
      return requests / seconds;
    }
  }

  private final VivariumConfig config = VivariumConfig.defaults();
  private final ClusterMemory memory;
  private final int k = config.memory().k();
  private int dimension;

  /** Serves a memory in {@code dir} from {@code nodes}' oldest node to its youngest. */
  public MemoryProbe(BenchNodes nodes, Path dir) {
    ActorRef<MemoryServer.Command> proxy = null;
    for (int i = 0; i < nodes.size(); i++) {
      proxy = ClusterSingleton.get(nodes.node(i)).init(SingletonActor.of(MemoryServer.create(dir, config), "memory")
          .withStopMessage(new MemoryServer.Close())
          .withProps(MailboxSelector.bounded(MemoryServer.QUEUE)
              .withDispatcherFromConfig("pekko.actor.default-blocking-io-dispatcher")));
    }
    memory = new ClusterMemory(nodes.node(nodes.size() - 1), proxy);
  }

  /** The memory's vector width (asks the server; waits for the singleton to start). */
  public int dimension() {
    if (dimension == 0) {
      dimension = memory.dimension();
    }
    return dimension;
  }

  /** Stores {@code n} entries in batches the server's queue holds; returns stores per second. */
  public double fill(int n) {
    SplittableRandom random = new SplittableRandom(7);
    long t0 = System.nanoTime();
    for (int done = 0; done < n; ) {
      int batch = Math.min(1000, n - done);
      for (int i = 0; i < batch; i++) {
        memory.store(entry(random, dimension()));
      }
      done += batch;
      memory.refresh(); // answered once every store before it is in
    }
    return n / ((System.nanoTime() - t0) / 1e9);
  }

  /** Fills {@code local} with the entries {@link #fill} stores. */
  public void fill(Memory local, int n) {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      local.store(entry(random, local.dimension()));
    }
    local.refresh();
  }

  /** Recalls through the cluster from {@code callers} threads for {@code seconds}. */
  public Run recall(int callers, int seconds) throws Exception {
    long missedBefore = memory.missed();
    Run r = recall(memory, callers, seconds);
    return new Run(callers, r.requests(), memory.missed() - missedBefore, r.latency(), r.seconds());
  }

  /** Recalls from {@code m} (a local memory, say) from {@code callers} threads for {@code seconds}. */
  public Run recall(Memory m, int callers, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<Latencies>> done = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        SplittableRandom random = new SplittableRandom(100 + c);
        done.add(pool.submit(() -> {
          Latencies l = new Latencies();
          int dim = m.dimension();
          while (System.nanoTime() < end) {
            float[] q = vector(random, dim);
            long t0 = System.nanoTime();
            m.recall(q, k, Filter.ANY);
            l.add(System.nanoTime() - t0);
          }
          return l;
        }));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> f : done) {
        all.merge(f.get());
      }
      return new Run(callers, all.count(), 0, all, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A local Lucene memory of this probe's width in {@code dir}, configured as the served one. */
  public LuceneMemory local(Path dir) {
    return LuceneMemory.open(dir, dimension(), config.memory());
  }

  private static Entry entry(SplittableRandom random, int dim) {
    byte[] payload = new byte[64];
    random.nextBytes(payload);
    return new Entry(vector(random, dim), payload, null, "a0001", random.nextDouble(), Entry.OUTPUT, null, 0, 0);
  }

  private static float[] vector(SplittableRandom random, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
