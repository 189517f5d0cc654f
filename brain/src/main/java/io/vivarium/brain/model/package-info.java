/**
 * The transformer itself on the brain's tensors: named weights, batched inputs as tensors, the
 * forward pass with its heads, the key/value cache sampling uses, and the shared-prefix pass
 * that scores many continuations of few contexts.
 *
 * <p>Depends on {@code io.vivarium.brain} (shapes and inputs), {@code core} and {@code io.vivarium.brain.tensor}.
 */
package io.vivarium.brain.model;
