/**
 * The worlds agents live in ({@code gold}, {@code exec}, {@code repair}), each in its own
 * sub-package and registered as a {@link io.vivarium.core.world.WorldFactory}.
 *
 * <p>Depends on {@code core} only: a world never imports DJL, Lucene, MQTT, SQLite or the web
 * server (the build's enforcer rule checks this).
 */
package io.vivarium.worlds;
