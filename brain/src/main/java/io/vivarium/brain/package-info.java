/**
 * Transformer brains on libtorch: the {@link io.vivarium.brain.Brain} API, its libtorch
 * implementation, presets and shapes, the memory check for large ones, the (streamed) brain
 * file and its safetensors form ({@link io.vivarium.brain.Safetensors}, {@link io.vivarium.brain.BrainInterop}),
 * engine start-up and device choice, and per-thread gradient recording. Sub-packages hold the model ({@code model}), acting ({@code policy}), learning ({@code learn})
 * and tutors ({@code tutor}).
 *
 * <p>Depends on {@code core} only; sees worlds through {@code io.vivarium.core.world} records,
 * never a world's own classes. The only module that sees the engine
 * (JavaCPP's PyTorch preset), through {@code tensor}, {@link io.vivarium.brain.Torch} and
 * {@link io.vivarium.brain.Autograd}.
 */
package io.vivarium.brain;
