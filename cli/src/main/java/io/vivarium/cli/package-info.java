/**
 * The {@code vivarium} command (picocli) and the distribution it ships in.
 *
 * <p>May depend on every module but {@code bench}; the only module that binds a logging
 * backend (Logback).
 */
package io.vivarium.cli;
