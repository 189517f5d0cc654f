package io.vivarium.memory;

import io.vivarium.core.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * Opens memory directories: creates new ones with the Vivarium format marker, checks the
 * marker and dimension of existing ones, configures the HNSW codec, and turns Lucene's
 * failures into messages that name the directory and the fix. Stateless and thread-safe.
 */
public final class MemoryIndex {
  /** The largest vector dimension Lucene's HNSW format accepts. */
  public static final int MAX_DIMENSION = 1024;
  /**
   * Lucene announces on the console, through java.util.logging, whether its SIMD kernels are
   * on (they need {@code --add-modules jdk.incubator.vector}); every command that opens a
   * memory would print those lines. Held here so the level stays set (JUL holds loggers
   * weakly); docs/memory.md says how to turn the kernels on.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
  }

  /** Segments per tier of the merge policy (Lucene's default is 10); chosen by measurement. */
  static final int SEGMENTS_PER_TIER = 3;

  private MemoryIndex() {}

  /**
   * Opens the memory in {@code dir} for reading and writing, creating it when the directory
   * holds none. Only one process may hold it open for writing.
   *
   * @param dimension the vector dimension; 0 means "the existing memory's"
   * @param clock the source of "now" for time stamps and expiry
   */
  public static LuceneMemory open(Path dir, int dimension, MemoryConfig config, Clock clock) {
    return open(dir, dimension, config, clock, mergePolicy());
  }

  /** As {@link #open(Path, int, MemoryConfig, Clock)} with another merge policy (tests). */
  static LuceneMemory open(Path dir, int dimension, MemoryConfig config, Clock clock, MergePolicy merges) {
    Ttl.parse(config.ttl());
    if (dimension < 0 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("memory dimension must be between 1 and "
          + MAX_DIMENSION + " (or 0 for an existing memory's); got " + dimension);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create memory directory " + dir + " (" + e
          + "); choose a writable directory");
    }
    Directory d = null;
    try {
      d = FSDirectory.open(dir);
      int existing = existingDimension(dir, d);
      if (existing == 0 && dimension == 0) {
        throw new IllegalArgumentException("memory directory " + dir + " holds no memory yet;"
            + " give a vector dimension to create one");
      }
      if (existing != 0 && dimension != 0 && existing != dimension) {
        throw new IllegalArgumentException("memory directory " + dir + " holds " + existing
            + "-d vectors; got dimension " + dimension + "; use the embedding that filled it"
            + " or a new directory");
      }
      int dim = existing != 0 ? existing : dimension;
      IndexWriterConfig iwc = new IndexWriterConfig()
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCodec(codec(config))
          .setRAMBufferSizeMB(config.ramBufferMb())
          .setCommitOnClose(false)
          .setMergePolicy(merges);
      IndexWriter w = new IndexWriter(d, iwc);
      try {
        w.setLiveCommitData(FormatMarker.userData(dim).entrySet());
        if (existing == 0) {
          w.commit();
        }
        return new LuceneMemory(dir, d, w, dim, config, clock);
      } catch (IOException | RuntimeException e) {
        w.rollback(); // releases the write lock without committing anything
        throw e;
      }
    } catch (LockObtainFailedException e) {
      closeQuietly(d);
      throw new IllegalStateException("memory directory " + dir + " is open for writing by"
          + " another process (a running colony?); stop it, or open the memory read-only", e);
    } catch (IOException e) {
      closeQuietly(d);
      throw failure(dir, e);
    } catch (RuntimeException e) {
      closeQuietly(d);
      throw e;
    }
  }

  /** Opens an existing memory read-only; it sees the last commit and follows newer ones. */
  public static LuceneMemory openReadOnly(Path dir, MemoryConfig config, Clock clock) {
    Ttl.parse(config.ttl());
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "memory directory " + dir + " does not exist; check the path or the --data option");
    }
    Directory d = null;
    try {
      d = FSDirectory.open(dir);
      int dim = existingDimension(dir, d);
      if (dim == 0) {
        throw new IllegalArgumentException("memory directory " + dir + " holds no memory;"
            + " check the path or the --data option");
      }
      return new LuceneMemory(dir, d, null, dim, config, clock);
    } catch (IOException e) {
      closeQuietly(d);
      throw failure(dir, e);
    } catch (RuntimeException e) {
      closeQuietly(d);
      throw e;
    }
  }

  /** The dimension of the memory in {@code dir}, or 0 when it holds none. */
  static int existingDimension(Path dir, Directory d) throws IOException {
    if (!DirectoryReader.indexExists(d)) {
      return 0;
    }
    return FormatMarker.check(dir, SegmentInfos.readLatestCommit(d).getUserData());
  }

  /**
   * Lucene's tiered merge policy with fewer segments per tier than its default 10: every
   * segment costs a graph search per recall, and near-real-time refreshes flush many small
   * segments while agents write (docs/memory.md has the measurements).
   */
  private static MergePolicy mergePolicy() {
    return new TieredMergePolicy().setSegmentsPerTier(SEGMENTS_PER_TIER);
  }

  /** The default codec with HNSW parameters from the configuration. */
  private static Codec codec(MemoryConfig config) {
    Codec base = Codec.getDefault();
    KnnVectorsFormat hnsw = new Lucene99HnswVectorsFormat(config.maxConn(), config.beamWidth());
    // Per-field wrapper: segments then read back with the plain default codec.
    KnnVectorsFormat perField = new PerFieldKnnVectorsFormat() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return hnsw;
      }
    };
    return new FilterCodec(base.getName(), base) {
      @Override
      public KnnVectorsFormat knnVectorsFormat() {
        return perField;
      }
    };
  }

  static MemoryStats stats(IndexSearcher s, int dimension, long stored, long merged,
      long expired, long commits) throws IOException {
    Map<String, Long> byKind = new TreeMap<>();
    Terms terms = MultiTerms.getTerms(s.getIndexReader(), Schema.KIND);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        String kind = t.utf8ToString();
        long n = s.count(new TermQuery(new org.apache.lucene.index.Term(Schema.KIND, kind)));
        if (n > 0) {
          byKind.put(kind, n);
        }
      }
    }
    return new MemoryStats(s.getIndexReader().numDocs(), byKind, dimension,
        s.getIndexReader().leaves().size(), stored, merged, expired, commits);
  }

  private static RuntimeException failure(Path dir, IOException e) {
    if (e instanceof IndexFormatTooNewException || e instanceof IndexFormatTooOldException) {
      return new IllegalArgumentException("memory directory " + dir + " was written by a Lucene"
          + " version this Vivarium cannot read (" + e.getMessage() + "); open it with the"
          + " Vivarium version that wrote it", e);
    }
    if (e instanceof CorruptIndexException) {
      return new IllegalArgumentException("memory directory " + dir + " is damaged ("
          + e.getMessage() + "); restore it from a backup or start a new directory", e);
    }
    return new UncheckedIOException("cannot open memory directory " + dir + ": " + e, e);
  }

  private static void closeQuietly(Directory d) {
    if (d != null) {
      try {
        d.close();
      } catch (IOException suppressed) {
        // The original failure matters more; the directory holds no writer yet.
      }
    }
  }
}
