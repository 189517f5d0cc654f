/**
 * Reinforcement and imitation learning over worlds: how an observation becomes the brain's
 * token sequence, rollout storage, and the advantage and loss arithmetic of PPO and GRPO.
 *
 * <p>Depends on {@code core} (worlds only through {@code io.vivarium.core.world}) and the brain
 * itself. The arithmetic here is plain Java so that it can be checked by hand.
 */
package io.vivarium.brain.rl;
