/**
 * The brain's tensors: a small Java face over libtorch, reached through JavaCPP's PyTorch preset,
 * and the only package that sees the engine. A {@link io.vivarium.brain.tensor.Tensor} belongs to
 * an {@link io.vivarium.brain.tensor.Arena}; every operation's result joins the arena of the tensor
 * it was called on, and closing an arena frees everything in it — the ownership rule the rest of
 * the brain is written against (one arena per step, weights in a long-lived one).
 */
package io.vivarium.brain.tensor;
