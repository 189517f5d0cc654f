/**
 * Acting: how a world's observation becomes the brain's token sequence ({@link
 * io.vivarium.brain.policy.Senses}, {@link io.vivarium.brain.policy.ObservationEncoder}), how
 * actions are drawn — one byte of a world's alphabet or a byte sequence ({@link
 * io.vivarium.brain.policy.ActionSpace}) — and the {@link io.vivarium.brain.policy.Actor} that acts
 * for many inputs at once under the brain's shared lock.
 *
 * <p>Depends on {@code core} (worlds only through {@code io.vivarium.core.world}) and the brain's
 * model.
 */
package io.vivarium.brain.policy;
