package io.vivarium.worlds.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The crew covers every index once per round, reports failures, and stops on close. */
class CrewTest {
  @Test
  void everyIndexRunsOncePerRound() {
    AtomicIntegerArray hits = new AtomicIntegerArray(1000);
    try (Crew crew = new Crew("test", 3, 1000, (w, lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        hits.incrementAndGet(i);
      }
    })) {
      for (int round = 0; round < 500; round++) {
        crew.run();
      }
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(hits.get(i)).isEqualTo(500);
    }
  }

  @Test
  void aFailingChunkFailsTheRound() {
    try (Crew crew = new Crew("test", 2, 64, (w, lo, hi) -> {
      if (lo == 0) {
        throw new ArithmeticException("boom");
      }
    })) {
      assertThatThrownBy(crew::run).hasMessageContaining("boom");
    }
  }

  @Test
  void closeStopsTheWorkersAndMoreThreadsThanWorkAreNotStarted() throws InterruptedException {
    Crew small = new Crew("test", 8, 1, (w, lo, hi) -> { });
    assertThat(small.threads()).isEqualTo(1);
    small.close();
    Crew crew = new Crew("crew-close-test", 2, 100, (w, lo, hi) -> { });
    crew.run();
    crew.close();
    crew.close();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("crew-close-test")) {
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
      }
    }
    assertThatThrownBy(crew::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }
}
