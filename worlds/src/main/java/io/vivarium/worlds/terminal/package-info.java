/**
 * The terminal world (seed 002's computer interaction, issue 22), under construction: {@link
 * io.vivarium.worlds.terminal.Screen} is the terminal emulator the world reads its pty's output
 * with — a documented VT100/xterm subset, since no maintained emulator library is on Maven
 * Central.
 */
package io.vivarium.worlds.terminal;
