/**
 * The terminal world shown to people, so that {@code cli} needs no class of the world: lines typed
 * into a sandboxed shell and the screen they leave ({@link io.vivarium.lab.terminal.TerminalViews}),
 * a bare sandboxed shell for a person's keys ({@link io.vivarium.lab.terminal.TerminalShell}) and a
 * task's episode played by a person ({@link io.vivarium.lab.terminal.TerminalGame}).
 *
 * <p>Depends on {@code io.vivarium.core} and {@code io.vivarium.worlds.terminal}.
 */
package io.vivarium.lab.terminal;
