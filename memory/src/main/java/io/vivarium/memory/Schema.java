package io.vivarium.memory;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * The fields of a memory document (format version 1) and the conversions between documents
 * and {@link Entry}s. Vectors are stored unit-normalised under dot-product similarity, which
 * equals cosine similarity and is cheaper. Stateless and thread-safe.
 */
final class Schema {
  static final String ID = "id";
  static final String VECTOR = "vector";
  static final String PAYLOAD = "payload";
  static final String TEXT = "text";
  static final String AGENT = "agent";
  static final String KIND = "kind";
  static final String KEY = "key";
  static final String FITNESS = "fitness";
  static final String STEP = "step";
  static final String TIME = "time";

  private Schema() {}

  /** The document for entry {@code e} (whose vector is already unit-normalised). */
  static Document document(long id, Entry e) {
    Document d = new Document();
    d.add(new LongField(ID, id, Store.YES));
    d.add(new KnnFloatVectorField(VECTOR, e.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    d.add(new StoredField(PAYLOAD, e.payload()));
    if (e.text() != null) {
      d.add(new StoredField(TEXT, e.text()));
    }
    d.add(new KeywordField(AGENT, e.agent(), Store.YES));
    d.add(new KeywordField(KIND, e.kind(), Store.YES));
    if (e.key() != null) {
      d.add(new KeywordField(KEY, e.key(), Store.YES));
    }
    d.add(new DoubleField(FITNESS, e.fitness(), Store.YES));
    d.add(new LongField(STEP, e.step(), Store.YES));
    d.add(new LongField(TIME, e.time(), Store.YES));
    return d;
  }

  /** The Lucene filter for {@code f}, or {@code null} when it lets everything through. */
  static Query filterQuery(Filter f) {
    if (f.isAny()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (f.agent() != null) {
      b.add(KeywordField.newExactQuery(Schema.AGENT, f.agent()), Occur.FILTER);
    }
    if (f.kind() != null) {
      b.add(KeywordField.newExactQuery(Schema.KIND, f.kind()), Occur.FILTER);
    }
    if (f.minFitness() != Double.NEGATIVE_INFINITY) {
      b.add(DoubleField.newRangeQuery(
          Schema.FITNESS, f.minFitness(), Double.POSITIVE_INFINITY), Occur.FILTER);
    }
    return b.build();
  }

  /** Cosine similarity from Lucene's dot-product score {@code (1 + dot) / 2}. */
  static double cosine(float luceneScore) {
    return 2.0 * luceneScore - 1.0;
  }

  /** A stored entry with its id. */
  record Stored(long id, Entry entry) {}

  /** Reads the entry behind top-level document {@code doc}. */
  static Stored read(IndexSearcher s, StoredFields fields, int doc) throws IOException {
    Document d = fields.document(doc);
    BytesRef p = d.getBinaryValue(PAYLOAD);
    byte[] payload = new byte[p.length];
    System.arraycopy(p.bytes, p.offset, payload, 0, p.length);
    Entry e = new Entry(vector(s, doc), payload, d.get(TEXT), d.get(AGENT),
        d.getField(FITNESS).numericValue().doubleValue(), d.get(KIND), d.get(KEY),
        d.getField(STEP).numericValue().longValue(), d.getField(TIME).numericValue().longValue());
    return new Stored(d.getField(ID).numericValue().longValue(), e);
  }

  /** The fitness of each top-level document in {@code docs}, read from doc values. */
  static double[] fitness(IndexSearcher s, int[] docs) throws IOException {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    double[] out = new double[docs.length];
    int leaf = -1;
    SortedNumericDocValues dv = null;
    for (int i : order) {
      int l = ReaderUtil.subIndex(docs[i], leaves);
      if (l != leaf) {
        leaf = l;
        dv = DocValues.getSortedNumeric(leaves.get(l).reader(), FITNESS);
      }
      int local = docs[i] - leaves.get(l).docBase;
      out[i] = dv.advanceExact(local) ? NumericUtils.sortableLongToDouble(dv.nextValue()) : 0;
    }
    return out;
  }

  private static float[] vector(IndexSearcher s, int doc) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
      throw new IllegalStateException("memory document " + doc + " has no vector");
    }
    return values.vectorValue(it.index()).clone();
  }
}
