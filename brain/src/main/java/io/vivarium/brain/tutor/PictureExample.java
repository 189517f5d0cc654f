package io.vivarium.brain.tutor;

import io.vivarium.brain.Patches;
import java.util.Objects;

/**
 * A picture and the picture the brain should draw from it with its patch decoder, cut into
 * the same patches. The pixels where the two differ are the marks (e.g. the line from the
 * agent to the gold); {@link PictureTutor} scores them by intersection over union.
 *
 * <p>Immutable by convention: the arrays are shared, not copied.
 */
public record PictureExample(Patches input, Patches target) {
  public PictureExample {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(target, "target");
    if (input.patch() != target.patch() || input.count() != target.count()) {
      throw new IllegalArgumentException("a picture example needs input and target cut alike; got "
          + input.count() + " patches of side " + input.patch() + " and " + target.count() + " of side "
          + target.patch());
    }
    if (input.count() == 0) {
      throw new IllegalArgumentException("a picture example needs at least one patch; got none");
    }
  }
}
