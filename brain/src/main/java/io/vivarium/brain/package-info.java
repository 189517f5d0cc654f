/**
 * Transformer brains on DJL/PyTorch: the {@link io.vivarium.brain.Brain} API, its PyTorch
 * implementation, presets and shapes, the brain file, engine start-up and per-thread
 * gradient recording. Sub-packages hold the model ({@code model}), acting ({@code policy}), learning ({@code learn})
 * and tutors ({@code tutor}).
 *
 * <p>Depends on {@code core} only; sees worlds through {@code io.vivarium.core.world} records,
 * never a world's own classes. The only module that may use DJL.
 */
package io.vivarium.brain;
