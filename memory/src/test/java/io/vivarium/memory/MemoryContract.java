package io.vivarium.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Memory} keeps, run against each implementation by a subclass:
 * store/recall round trip, k and filters respected, fitness re-ranking, facts by key,
 * durability across close and reopen, and an empty memory. Not thread-safe; JUnit runs each
 * test on a fresh instance.
 */
public abstract class MemoryContract {
  /** The vector dimension the contract stores and queries with. */
  protected static final int DIM = 8;

  @TempDir Path dir;

  /**
   * The memory in {@code dir} (created when empty, reopened when not) with vectors of
   * {@code dimension}; it must weigh fitness in its ranking and expire nothing within a test.
   */
  protected abstract Memory open(Path dir, int dimension);

  @Test
  void aStoredEntryIsRecalledWithEverythingItCarries() {
    try (Memory m = open(dir, DIM)) {
      assertThat(m.dimension()).isEqualTo(DIM);
      float[] v = vector(1);
      Entry e = Entry.of(Entry.OUTPUT, "a1", 0.5, v, bytes("hello")).withText("hi").withStep(42)
          .withTime(1_000_000);
      long id = m.store(e);
      m.store(Entry.of(Entry.OUTPUT, "a2", 0.5, vector(2), bytes("other")));
      m.refresh();
      Hit h = m.recall(v, 1).getFirst();
      assertThat(h.id()).isEqualTo(id);
      assertThat(h.similarity()).isCloseTo(1.0, within(1e-4));
      Entry back = h.entry();
      assertThat(text(back.payload())).isEqualTo("hello");
      assertThat(List.of(back.text(), back.agent(), back.kind())).containsExactly("hi", "a1", "output");
      assertThat(List.of(back.fitness(), back.step(), back.time())).containsExactly(0.5, 42L, 1_000_000L);
      assertThat((double) Vectors.dot(back.vector(), back.vector())).as("stored unit-normalised")
          .isCloseTo(1.0, within(1e-5));
      assertThat(m.stats().entries()).isEqualTo(2);
    }
  }

  @Test
  void recallReturnsAtMostKHitsBestFirst() {
    try (Memory m = open(dir, DIM)) {
      for (int i = 0; i < 20; i++) {
        m.store(Entry.of(Entry.OUTPUT, "a" + i, 0, vector(100 + i), bytes("e" + i)));
      }
      m.refresh();
      float[] q = vector(7);
      List<Hit> five = m.recall(q, 5);
      assertThat(five).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
      assertThat(m.recall(q, 0)).isEmpty();
      assertThat(m.recall(q, 50)).hasSize(20);
      assertThat(m.recall(q, 1)).containsExactly(five.getFirst());
      assertThatThrownBy(() -> m.recall(q, -1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }
  }

  @Test
  void filtersKeepOnlyTheKindAgentAndFitnessAskedFor() {
    try (Memory m = open(dir, DIM)) {
      for (int i = 0; i < 12; i++) {
        String kind = i % 3 == 0 ? Entry.EPISODE : Entry.OUTPUT;
        m.store(Entry.of(kind, "a" + (i % 4), i, vector(200 + i), bytes("e" + i)));
      }
      m.refresh();
      float[] q = vector(9);
      assertThat(m.recall(q, 12, Filter.kind(Entry.EPISODE)))
          .hasSize(4).allSatisfy(h -> assertThat(h.entry().kind()).isEqualTo(Entry.EPISODE));
      assertThat(m.recall(q, 12, Filter.agent("a2")))
          .hasSize(3).allSatisfy(h -> assertThat(h.entry().agent()).isEqualTo("a2"));
      assertThat(m.recall(q, 12, Filter.kind(Entry.OUTPUT).withMinFitness(8)))
          .extracting(Hit::fitness).containsExactlyInAnyOrder(8.0, 10.0, 11.0);
      assertThat(m.recall(q, 12, Filter.agent("nobody"))).isEmpty();
      assertThat(m.consensus(q, 12, Filter.agent("nobody"))).isEmpty();
    }
  }

  @Test
  void amongEquallySimilarEntriesTheFitterWriterRanksFirst() {
    try (Memory m = open(dir, DIM)) {
      float[] v = vector(3);
      m.store(Entry.of(Entry.OUTPUT, "weak", -4, v, bytes("weak")));
      long fit = m.store(Entry.of(Entry.OUTPUT, "fit", 4, v.clone(), bytes("fit")));
      m.store(Entry.of(Entry.OUTPUT, "middling", 0, v.clone(), bytes("middling")));
      m.refresh();
      List<Hit> hits = m.recall(v, 3);
      assertThat(hits).extracting(Hit::fitness).containsExactly(4.0, 0.0, -4.0);
      assertThat(hits.getFirst().id()).isEqualTo(fit);
      assertThat(hits.get(0).similarity()).isCloseTo(hits.get(2).similarity(), within(1e-5));
      assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
      assertThat(text(m.consensus(v, 3, Filter.ANY).orElseThrow().payload())).isEqualTo("fit");
    }
  }

  @Test
  void factsAreFoundByKeyAndReplacedByKey() {
    try (Memory m = open(dir, DIM)) {
      assertThat(m.fact("colour")).isEmpty();
      m.store(Entry.fact("colour", bytes("red"), "a1", 1, vector(4)));
      m.store(Entry.fact("column", bytes("3"), "a1", 1, vector(5)));
      m.store(Entry.fact("size", bytes("big"), "a2", 1, vector(6)));
      m.store(Entry.fact("colour", bytes("gold"), "a2", 2, vector(4)));
      m.refresh();
      Hit colour = m.fact("colour").orElseThrow();
      assertThat(text(colour.entry().payload())).isEqualTo("gold");
      assertThat(colour.entry().key()).isEqualTo("colour");
      assertThat(m.facts("col", 10)).extracting(h -> h.entry().key())
          .containsExactly("colour", "column");
      assertThat(m.facts("", 10)).hasSize(3);
      assertThat(m.facts("", 1)).hasSize(1);
      assertThat(m.fact("col")).as("keys match exactly").isEmpty();
    }
  }

  @Test
  void entriesAndFactsSurviveCloseAndReopen() {
    long id;
    try (Memory m = open(dir, DIM)) {
      id = m.store(Entry.of(Entry.EPISODE, "a1", 1, vector(8), bytes("kept")));
      m.store(Entry.fact("answer", bytes("42"), "a1", 1, vector(9)));
    }
    try (Memory m = open(dir, DIM)) {
      assertThat(m.stats().entries()).isEqualTo(2);
      Hit h = m.recall(vector(8), 1).getFirst();
      assertThat(h.id()).isEqualTo(id);
      assertThat(text(h.entry().payload())).isEqualTo("kept");
      assertThat(text(m.fact("answer").orElseThrow().entry().payload())).isEqualTo("42");
      long next = m.store(Entry.of(Entry.OUTPUT, "a1", 1, vector(10), bytes("new")));
      assertThat(next).as("ids are not reused after reopening").isNotEqualTo(id);
    }
  }

  @Test
  void anEmptyMemoryRecallsNothing() {
    try (Memory m = open(dir, DIM)) {
      assertThat(m.recall(vector(1), 5)).isEmpty();
      assertThat(m.consensus(vector(1), 5, Filter.ANY)).isEmpty();
      assertThat(m.facts("", 5)).isEmpty();
      assertThat(m.stats().entries()).isZero();
    }
  }

  @Test
  void vectorsOfAnotherDimensionAreRefusedByName() {
    try (Memory m = open(dir, DIM)) {
      assertThatThrownBy(() -> m.recall(vector(1, DIM + 1), 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Integer.toString(DIM));
      float[] wide = vector(1, DIM + 1);
      assertThatThrownBy(() -> m.store(Entry.of(Entry.OUTPUT, "a1", 0, wide, bytes("x"))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Integer.toString(DIM));
    }
  }

  @Test
  void closeIsIdempotent() {
    Memory m = open(dir, DIM);
    m.store(Entry.of(Entry.OUTPUT, "a1", 0, vector(1), bytes("x")));
    m.close();
    m.close();
  }

  /** A seeded random vector of the contract's dimension. */
  protected static float[] vector(long seed) {
    return vector(seed, DIM);
  }

  private static float[] vector(long seed, int dim) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
