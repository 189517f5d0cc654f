package io.vivarium.memory;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.search.knn.KnnSearchStrategy;

/**
 * A nearest-neighbour query that splits its candidate budget among the index's segments by
 * their share of the documents, instead of searching every segment for all {@code fetch}
 * candidates. Each segment's HNSW search is then about as deep as its share of the result
 * needs, so an index of several segments costs about what one segment costs; a floor of
 * {@code minPerSegment} candidates keeps small (recent) segments well searched. Immutable and
 * thread-safe.
 */
final class SplitKnnQuery extends KnnFloatVectorQuery {
  private final int minPerSegment;
  private final double spread;

  /**
   * @param fetch the candidates wanted over the whole index
   * @param minPerSegment the fewest candidates asked of any segment
   * @param spread extra candidates per segment in standard deviations of its binomial share
   */
  SplitKnnQuery(String field, float[] target, int fetch, Query filter, int minPerSegment,
      double spread) {
    super(field, target, fetch, filter);
    this.minPerSegment = minPerSegment;
    this.spread = spread;
  }

  /** The candidates asked of a segment holding {@code share} of the documents. */
  static int perSegment(int fetch, double share, int minPerSegment, double spread) {
    double mean = fetch * share;
    double want = Math.ceil(mean + spread * Math.sqrt(mean * (1 - share)));
    return (int) Math.min(fetch, Math.max(Math.min(minPerSegment, fetch), want));
  }

  @Override
  protected KnnCollectorManager getKnnCollectorManager(int k, IndexSearcher searcher) {
    int total = Math.max(1, searcher.getIndexReader().maxDoc());
    return new KnnCollectorManager() {
      @Override
      public KnnCollector newCollector(int visitLimit, KnnSearchStrategy strategy,
          LeafReaderContext leaf) {
        double share = (double) leaf.reader().maxDoc() / total;
        return new TopKnnCollector(perSegment(k, share, minPerSegment, spread), visitLimit,
            strategy);
      }
    };
  }
}
