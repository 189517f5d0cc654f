package io.vivarium.worlds.soup;

import org.junit.jupiter.api.Nested;

/** BffFast, with and without the Vector API, passes the contract every engine must. */
class BffFastContractTest {
  @Nested
  class Vectorized extends PairEngineContract {
    @Override
    PairEngine engine() {
      return new BffFast();
    }
  }

  @Nested
  class Scalar extends PairEngineContract {
    @Override
    PairEngine engine() {
      return BffFast.scalar();
    }
  }
}
