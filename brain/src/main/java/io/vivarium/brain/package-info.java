/**
 * Transformer brains on DJL/PyTorch and the learners that train them.
 *
 * <p>Depends on {@code core} only; sees worlds through {@code io.vivarium.core.world} records,
 * never a world's own classes. The only module that may use DJL.
 */
package io.vivarium.brain;
