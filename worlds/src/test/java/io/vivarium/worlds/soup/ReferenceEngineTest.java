package io.vivarium.worlds.soup;

/** The reference engine passes the contract every engine must (a check of the contract itself). */
class ReferenceEngineTest extends PairEngineContract {
  @Override
  PairEngine engine() {
    return Bff.reference();
  }
}
