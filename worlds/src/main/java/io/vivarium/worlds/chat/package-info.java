/**
 * The chat world (seeds 003 and 004): short questions answered with text — invented facts,
 * arithmetic, gold rooms, and people's questions — each episode one question and one answer,
 * with the fact memory's best hits shown first in the context. {@code ChatWorld} is one
 * instance; {@code ChatBatch} is the world as a colony lives in it (groups share a question).
 *
 * <p>Depends on {@code core}, Jackson, the repair world's {@code Levenshtein} and the gold world's
 * question tutorial.
 */
package io.vivarium.worlds.chat;
