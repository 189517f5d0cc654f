/**
 * The {@code vivarium} command (picocli) and the distribution it ships in.
 *
 * <p>May depend on every module ({@code bench} for {@code vivarium bench}); the only module that
 * binds a logging backend (Logback).
 */
package io.vivarium.cli;
