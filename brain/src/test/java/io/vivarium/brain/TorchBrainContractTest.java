package io.vivarium.brain;

import java.io.IOException;
import java.nio.file.Path;

/** The brain contract on the PyTorch brain of the {@code tiny} preset. */
class TorchBrainContractTest extends BrainContract {
  @Override
  protected Brain create(long seed) {
    return TorchBrain.create(BrainShape.preset("tiny"), seed);
  }

  @Override
  protected Brain load(Path file) throws IOException {
    return TorchBrain.load(file);
  }
}
