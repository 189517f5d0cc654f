/**
 * The exec world's sandbox behind neutral entry points: one program run by mode name, its
 * outcome and every reward's value handed back as text and JSON, for {@code vivarium exec}.
 *
 * <p>Depends on {@code io.vivarium.worlds.exec} and {@code core} only.
 */
package io.vivarium.lab.exec;
