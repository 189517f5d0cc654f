package io.vivarium.memory;

import io.vivarium.core.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Memory} on a Lucene index in one directory: HNSW nearest-neighbour search over
 * unit vectors, over-fetched and re-ranked by fitness; facts by exact key; near-real-time
 * readers refreshed in the background; commits every {@code commitEvery} writes, every
 * {@code commitSeconds} and at close, so a crash loses only uncommitted writes. Opening and
 * format checks live in {@link MemoryIndex}.
 *
 * <p>Thread-safe: any number of threads may store and recall at once. Stores of non-fact
 * entries are serialised while near-duplicate merging is on, so that two duplicates stored at
 * once still merge. Over 400 lines because recall, merging, facts and commits share the
 * searcher and writer lifecycle.
 */
public final class LuceneMemory implements Memory {
  private static final Logger log = LoggerFactory.getLogger(LuceneMemory.class);
  /** The largest k a recall accepts. */
  public static final int MAX_K = 10_000;
  /** Candidates the merge check looks at for a neighbour of the same kind. */
  private static final int MERGE_CANDIDATES = 4;
  /** Extra candidates per segment, in standard deviations of its share (measured). */
  private static final double SPLIT_SPREAD = 2;
  /** Graph nodes the merge check may visit per segment. */
  private static final int MERGE_VISIT_LIMIT = 1024;

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer; // null when read-only
  private final SearcherManager searchers;
  private final MemoryConfig config;
  private final Ttl ttl;
  private final Clock clock;
  private final int dimension;
  private final AtomicLong nextId;
  private final ReentrantLock mergeLock = new ReentrantLock();
  private final Object commitLock = new Object();
  private final RecentWrites recent = new RecentWrites();
  private final ScheduledExecutorService background;
  private final AtomicLong uncommitted = new AtomicLong();
  private final AtomicBoolean commitQueued = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong merged = new AtomicLong();
  private final AtomicLong expired = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();

  LuceneMemory(Path dir, Directory directory, IndexWriter writer, int dimension,
      MemoryConfig config, Clock clock) throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.dimension = dimension;
    this.config = config;
    this.ttl = Ttl.parse(config.ttl());
    this.clock = clock;
    this.searchers = writer != null ? new SearcherManager(writer, null)
        : new SearcherManager(directory, null);
    this.searchers.addListener(new ReferenceManager.RefreshListener() {
      private long mark;

      @Override
      public void beforeRefresh() {
        mark = recent.mark();
      }

      @Override
      public void afterRefresh(boolean didRefresh) {
        recent.dropBefore(mark);
      }
    });
    this.nextId = new AtomicLong(maxId() + 1);
    this.background = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "vivarium-memory-" + dir.getFileName());
      t.setDaemon(true);
      return t;
    });
    background.scheduleWithFixedDelay(this::refreshInBackground, config.refreshMillis(),
        config.refreshMillis(), TimeUnit.MILLISECONDS);
    if (writer != null) {
      background.scheduleWithFixedDelay(this::commitInBackground, config.commitSeconds(),
          config.commitSeconds(), TimeUnit.SECONDS);
    }
  }

  /** Opens (creating if needed) the memory in {@code dir}; see {@link MemoryIndex#open}. */
  public static LuceneMemory open(Path dir, int dimension, MemoryConfig config) {
    return MemoryIndex.open(dir, dimension, config, Clock.systemUTC());
  }

  /**
   * Opens the memory in {@code dir} whatever its width: the existing memory's dimension, or
   * {@code dimensionIfNew} when the directory holds none yet. Writers fit their keys to
   * {@link #dimension()} with {@link KeyWidth#fit}.
   */
  public static LuceneMemory openAnyWidth(Path dir, int dimensionIfNew, MemoryConfig config) {
    int existing = dimensionOf(dir);
    return MemoryIndex.open(dir, existing != 0 ? 0 : dimensionIfNew, config, Clock.systemUTC());
  }

  /** The vector dimension of the memory in {@code dir}, or 0 when there is none (yet). */
  public static int dimensionOf(Path dir) {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir)) {
      return MemoryIndex.existingDimension(dir, d);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the memory in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Opens the memory in {@code dir} to read only; see {@link MemoryIndex#openReadOnly}. */
  public static LuceneMemory openReadOnly(Path dir, MemoryConfig config) {
    return MemoryIndex.openReadOnly(dir, config, Clock.systemUTC());
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** The directory this memory lives in. */
  public Path directory() {
    return dir;
  }

  /** Whether this memory was opened read-only. */
  public boolean readOnly() {
    return writer == null;
  }

  // -- store ------------------------------------------------------------------------------

  @Override
  public long store(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    requireWritable();
    requireDimension(entry.vector(), "entry vector");
    long time = entry.time() == 0 ? clock.millis() : entry.time();
    Entry e = new Entry(Vectors.normalized(entry.vector()), entry.payload(), entry.text(),
        entry.agent(), entry.fitness(), entry.kind(), entry.key(), entry.step(), time);
    try {
      long id;
      if (e.key() != null) {
        id = nextId.getAndIncrement();
        writer.updateDocument(new Term(Schema.KEY, e.key()), Schema.document(id, e));
      } else if (config.dedup()) {
        mergeLock.lock();
        try {
          id = storeMerging(e);
        } finally {
          mergeLock.unlock();
        }
      } else {
        id = add(e);
      }
      afterWrite();
      return id;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot store into memory " + dir, ex);
    }
  }

  private long add(Entry e) throws IOException {
    long id = nextId.getAndIncrement();
    writer.addDocument(Schema.document(id, e));
    return id;
  }

  /** Adds {@code e} unless a near duplicate of its kind is at least as fit. */
  private long storeMerging(Entry e) throws IOException {
    double[] sim = new double[1];
    RecentWrites.Recent r = recent.nearest(e.kind(), e.vector(), sim);
    long twinId = -1;
    double twinFitness = 0;
    if (r != null && sim[0] >= config.dedupThreshold()) {
      twinId = r.id();
      twinFitness = r.fitness();
    } else {
      Schema.Stored twin = visibleTwin(e);
      if (twin != null) {
        twinId = twin.id();
        twinFitness = twin.entry().fitness();
      }
    }
    if (twinId >= 0) {
      merged.incrementAndGet();
      if (e.fitness() <= twinFitness) {
        return twinId;
      }
      writer.deleteDocuments(LongField.newExactQuery(Schema.ID, twinId));
      recent.remove(twinId);
    }
    long id = add(e);
    recent.add(id, e.kind(), e.vector(), e.fitness());
    return id;
  }

  /**
   * The visible, unexpired entry of e's kind at least as similar as the threshold, or null.
   * Each segment's graph is searched directly with a small visit budget: a near duplicate
   * lies right where the greedy descent ends, so a full recall-quality search is not needed.
   */
  private Schema.Stored visibleTwin(Entry e) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      List<ScoreDoc> near = new ArrayList<>();
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        LeafReader r = leaf.reader();
        TopDocs top = r.searchNearestVectors(Schema.VECTOR, e.vector(), MERGE_CANDIDATES,
            AcceptDocs.fromLiveDocs(r.getLiveDocs(), r.maxDoc()), MERGE_VISIT_LIMIT);
        for (ScoreDoc d : top.scoreDocs) {
          if (Schema.cosine(d.score) >= config.dedupThreshold()) {
            near.add(new ScoreDoc(leaf.docBase + d.doc, d.score));
          }
        }
      }
      near.sort((a, b) -> Float.compare(b.score, a.score));
      var fields = s.storedFields();
      long now = clock.millis();
      for (ScoreDoc d : near) {
        Schema.Stored st = Schema.read(s, fields, d.doc);
        if (st.entry().kind().equals(e.kind())
            && !ttl.expired(st.entry().kind(), st.entry().time(), now)) {
          return st;
        }
      }
      return null;
    } finally {
      searchers.release(s);
    }
  }

  private void afterWrite() {
    stored.incrementAndGet();
    if (uncommitted.incrementAndGet() >= config.commitEvery()
        && commitQueued.compareAndSet(false, true)) {
      background.execute(() -> {
        try {
          commitInBackground();
        } finally {
          commitQueued.set(false);
        }
      });
    }
  }

  // -- recall -----------------------------------------------------------------------------

  @Override
  public List<Hit> recall(float[] query, int k, Filter filter) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(filter, "filter");
    requireOpen();
    requireDimension(query, "query vector");
    Vectors.requireUsable(query, "query vector");
    if (k < 0 || k > MAX_K) {
      throw new IllegalArgumentException(
          "recall k must be between 0 and " + MAX_K + "; got " + k);
    }
    if (k == 0) {
      return List.of();
    }
    int fetch = Math.max(k, config.overFetch());
    try {
      IndexSearcher s = searchers.acquire();
      try {
        Query q = new SplitKnnQuery(Schema.VECTOR, Vectors.normalized(query), fetch,
            Schema.filterQuery(filter), 2 * k, SPLIT_SPREAD);
        return rank(s, s.search(q, fetch).scoreDocs, k);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recall from memory " + dir, e);
    }
  }

  /** Re-ranks candidates by similarity + fitnessWeight * tanh(fitness / 2), keeps k. */
  private List<Hit> rank(IndexSearcher s, ScoreDoc[] candidates, int k) throws IOException {
    int n = candidates.length;
    int[] docs = new int[n];
    double[] sim = new double[n];
    for (int i = 0; i < n; i++) {
      docs[i] = candidates[i].doc;
      sim[i] = Schema.cosine(candidates[i].score);
    }
    double[] fitness = Schema.fitness(s, docs);
    double[] score = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      score[i] = sim[i] + config.fitnessWeight() * Math.tanh(fitness[i] / 2);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
        : Integer.compare(docs[a], docs[b]));
    var fields = s.storedFields();
    long now = clock.millis();
    List<Hit> out = new ArrayList<>(k);
    for (int i = 0; i < n && out.size() < k; i++) {
      int c = order[i];
      Schema.Stored st = Schema.read(s, fields, docs[c]);
      if (!ttl.expired(st.entry().kind(), st.entry().time(), now)) {
        out.add(new Hit(st.id(), st.entry(), sim[c], score[c]));
      }
    }
    return out;
  }

  @Override
  public Optional<Consensus> consensus(float[] query, int k, Filter filter) {
    List<Hit> hits = recall(query, k, filter);
    return hits.isEmpty() ? Optional.empty() : Optional.of(Consensus.of(hits));
  }

  // -- facts ------------------------------------------------------------------------------

  @Override
  public Optional<Hit> fact(String key) {
    Objects.requireNonNull(key, "fact key");
    List<Hit> hits = search(new TermQuery(new Term(Schema.KEY, key)), 1, null);
    return hits.stream().findFirst();
  }

  @Override
  public List<Hit> facts(String prefix, int limit) {
    Objects.requireNonNull(prefix, "fact prefix");
    if (limit < 1 || limit > MAX_K) {
      throw new IllegalArgumentException(
          "facts limit must be between 1 and " + MAX_K + "; got " + limit);
    }
    Query q = prefix.isEmpty() ? KeywordField.newExactQuery(Schema.KIND, Entry.FACT)
        : new PrefixQuery(new Term(Schema.KEY, prefix));
    return search(q, limit, new Sort(
        KeywordField.newSortField(Schema.KEY, false, SortedSetSelector.Type.MIN)));
  }

  /** Exact lookups: hits carry similarity and score 1. */
  private List<Hit> search(Query q, int limit, Sort sort) {
    requireOpen();
    try {
      IndexSearcher s = searchers.acquire();
      try {
        ScoreDoc[] docs = sort == null ? s.search(q, limit).scoreDocs
            : s.search(q, limit, sort).scoreDocs;
        var fields = s.storedFields();
        long now = clock.millis();
        List<Hit> out = new ArrayList<>();
        for (ScoreDoc d : docs) {
          Schema.Stored st = Schema.read(s, fields, d.doc);
          if (!ttl.expired(st.entry().kind(), st.entry().time(), now)) {
            out.add(new Hit(st.id(), st.entry(), 1, 1));
          }
        }
        return out;
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search memory " + dir, e);
    }
  }

  // -- upkeep -----------------------------------------------------------------------------

  @Override
  public void refresh() {
    requireOpen();
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh memory " + dir, e);
    }
  }

  @Override
  public void commit() {
    requireWritable();
    try {
      commitNow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit memory " + dir, e);
    }
  }

  private void commitNow() throws IOException {
    synchronized (commitLock) {
      expireNow();
      long pending = uncommitted.get();
      if (writer.hasUncommittedChanges() || pending > 0) {
        writer.commit();
        commits.incrementAndGet();
      }
      uncommitted.addAndGet(-pending);
    }
  }

  /**
   * Waits until the merges the merge policy wants are done, then commits and refreshes, so
   * that recalls search the settled segments and share the cores with no merge. A burst of
   * stores leaves merges running in the background for a while; this is for the moment
   * after one (a benchmark, an import, the end of a generation).
   */
  public void awaitMerges() {
    requireWritable();
    try {
      writer.maybeMerge();
      if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler cms) {
        cms.sync();
      }
      commitNow();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge memory " + dir, e);
    }
  }

  /**
   * Merges the index into at most {@code maxSegments} segments, then commits and refreshes.
   * Slow (it rebuilds HNSW graphs) but makes recalls faster: each segment is searched
   * separately. For idle times, e.g. between colony generations.
   */
  public void compact(int maxSegments) {
    requireWritable();
    if (maxSegments < 1) {
      throw new IllegalArgumentException("compact maxSegments must be at least 1; got "
          + maxSegments);
    }
    try {
      writer.forceMerge(maxSegments);
      commitNow();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact memory " + dir, e);
    }
  }

  @Override
  public long expire() {
    requireWritable();
    try {
      return expireNow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot expire entries of memory " + dir, e);
    }
  }

  /** Deletes expired entries; returns how many it deleted (those stored until now). */
  private long expireNow() throws IOException {
    if (ttl.isEmpty()) {
      return 0;
    }
    searchers.maybeRefreshBlocking(); // so that the counts below see earlier deletions
    long now = clock.millis();
    long n = 0;
    for (Map.Entry<String, Long> t : ttl.millis().entrySet()) {
      Query q = new BooleanQuery.Builder()
          .add(KeywordField.newExactQuery(Schema.KIND, t.getKey()), Occur.FILTER)
          .add(LongField.newRangeQuery(Schema.TIME, Long.MIN_VALUE, now - t.getValue() - 1),
              Occur.FILTER)
          .build();
      IndexSearcher s = searchers.acquire();
      try {
        n += s.count(q);
      } finally {
        searchers.release(s);
      }
      writer.deleteDocuments(q);
    }
    expired.addAndGet(n);
    return n;
  }

  @Override
  public MemoryStats stats() {
    requireOpen();
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return MemoryIndex.stats(s, dimension, stored.get(), merged.get(), expired.get(),
            commits.get());
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the statistics of memory " + dir, e);
    }
  }

  private void refreshInBackground() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      log.error("memory {}: background refresh failed; recalls may be stale", dir, e);
    }
  }

  private void commitInBackground() {
    if (closed.get()) {
      return;
    }
    try {
      commitNow();
    } catch (IOException | RuntimeException e) {
      log.error("memory {}: background commit failed; writes since the last commit are at"
          + " risk until the next one succeeds", dir, e);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Never interrupt: an interrupted Lucene thread closes its file channels and the writer.
    background.shutdown();
    try {
      background.awaitTermination(30, TimeUnit.SECONDS);
      if (writer != null) {
        commitNow();
      }
      searchers.close();
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close memory " + dir + " cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing memory " + dir, e);
    }
  }

  // -- checks -----------------------------------------------------------------------------

  private long maxId() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      byte[] max = PointValues.getMaxPackedValue(s.getIndexReader(), Schema.ID);
      return max == null ? -1 : LongPoint.decodeDimension(max, 0);
    } finally {
      searchers.release(s);
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("memory " + dir + " is closed");
    }
  }

  private void requireWritable() {
    requireOpen();
    if (writer == null) {
      throw new IllegalStateException("memory " + dir + " was opened read-only; open it with"
          + " LuceneMemory.open to write (only one process may write at a time)");
    }
  }

  private void requireDimension(float[] v, String what) {
    if (v.length != dimension) {
      throw new IllegalArgumentException(what + " must have " + dimension + " dimensions (the"
          + " memory's); got " + v.length + "; embed with the same model that filled it");
    }
  }
}
