/**
 * The transformer itself on DJL NDArrays: named weights, batched inputs as tensors, and the
 * forward pass with its heads.
 *
 * <p>Depends on {@code io.vivarium.brain} (shapes and inputs), {@code core} and DJL.
 */
package io.vivarium.brain.model;
