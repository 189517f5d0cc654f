package io.vivarium.brain.tensor;

import io.vivarium.brain.Torch;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Shared immutable native arguments. A class of its own so that creating them (which loads the
 * natives) waits until {@link Torch} has chosen the cache directory and unpacked them.
 */
final class Constants {
  static {
    Torch.engine();
  }

  static final MemoryFormatOptional ANY_FORMAT = new MemoryFormatOptional();
  static final ScalarTypeOptional FLOAT = new ScalarTypeOptional(ScalarType.Float);
  static final ScalarTypeOptional SAME_TYPE = new ScalarTypeOptional();

  private Constants() {}
}
