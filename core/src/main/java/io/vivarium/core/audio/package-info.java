/**
 * Sound for agents and people: strict WAV files ({@link io.vivarium.core.audio.Wav}), the
 * documented log-mel spectrogram a brain reads as a picture
 * ({@link io.vivarium.core.audio.Spectrogram}) and speech rendered by espeak-ng
 * ({@link io.vivarium.core.audio.Speech}).
 *
 * <p>Depends on {@code io.vivarium.core.world} (for {@code Image}) and the JDK only.
 */
package io.vivarium.core.audio;
