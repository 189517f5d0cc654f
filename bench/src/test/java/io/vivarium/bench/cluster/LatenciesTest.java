package io.vivarium.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesAreNearestRankInMillisecondsOverMergedSamples() {
    Latencies a = new Latencies();
    Latencies b = new Latencies();
    for (int i = 1; i <= 50; i++) {
      a.add(i * 1_000_000L);
      b.add((50 + i) * 1_000_000L);
    }
    a.merge(b);

    assertThat(a.count()).isEqualTo(100);
    assertThat(a.millis(0.50)).isEqualTo(50.0);
    assertThat(a.millis(0.99)).isEqualTo(99.0);
    assertThat(new Latencies().millis(0.5)).isZero();
  }

  @Test
  void growsPastItsFirstCapacity() {
    Latencies l = new Latencies();
    for (int i = 0; i < 5000; i++) {
      l.add(7_000_000L);
    }
    assertThat(l.count()).isEqualTo(5000);
    assertThat(l.millis(0.99)).isEqualTo(7.0);
  }
}
