/**
 * The listen world: each episode plays one of a few spoken words (espeak-ng, a seeded voice, speed
 * and pitch, a little seeded noise) as a log-mel spectrogram picture, and the agent names the word
 * with one motor byte. Held-out voice and speed combinations measure whether a brain hears words
 * or memorises voices.
 *
 * <p>Depends on {@code core} only (the spectrogram and speech are {@code io.vivarium.core.audio}).
 */
package io.vivarium.worlds.listen;
