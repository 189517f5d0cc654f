/**
 * The transformer itself on DJL NDArrays: named weights, batched inputs as tensors, the
 * forward pass with its heads, and the key/value cache sampling uses.
 *
 * <p>Depends on {@code io.vivarium.brain} (shapes and inputs), {@code core} and DJL.
 */
package io.vivarium.brain.model;
