/**
 * The worlds agents live in ({@code gold}, {@code exec}, {@code repair}, {@code chat}, {@code terminal},
 * {@code listen}), each in
 * its own sub-package and registered as a {@link io.vivarium.core.world.WorldFactory}; the batches
 * of the one-answer worlds (exec, repair, chat) share {@link io.vivarium.worlds.AnswerBatch}.
 *
 * <p>Depends on {@code core} only: a world never imports the tensor engine, Lucene, MQTT, SQLite or the web
 * server (the build's enforcer rule checks this).
 */
package io.vivarium.worlds;
