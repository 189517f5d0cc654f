/**
 * The exec world's sandbox behind neutral entry points: one program run by mode name, its
 * outcome handed back as text and JSON, for {@code vivarium exec}.
 *
 * <p>Depends on {@code io.vivarium.worlds.exec} only.
 */
package io.vivarium.lab.exec;
