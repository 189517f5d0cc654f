/**
 * The terminal world (seed 002's computer interaction, issue 22), under construction: {@link
 * io.vivarium.worlds.terminal.Screen} is the terminal emulator the world reads its pty's output
 * with — a documented VT100/xterm subset, since no maintained emulator library is on Maven
 * Central — and {@link io.vivarium.worlds.terminal.ScreenPicture} draws a screen as a picture with
 * {@link io.vivarium.worlds.terminal.Glyphs}, our own 5 × 7 bitmap font. Depends on {@code
 * core.world} only.
 */
package io.vivarium.worlds.terminal;
