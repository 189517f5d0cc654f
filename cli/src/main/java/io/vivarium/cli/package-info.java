/**
 * The {@code vivarium} command (picocli) and the distribution it ships in. A command parses its
 * options, calls one {@code lab} (or {@code brain}) method and prints; training and evaluation
 * loops live in {@code io.vivarium.lab}. No class here imports a concrete world or learner
 * (checked by {@code NeutralImportsTest}).
 *
 * <p>May depend on every module ({@code bench} for {@code vivarium bench}); the only module that
 * binds a logging backend (Logback).
 */
package io.vivarium.cli;
