/**
 * What people do to a colony from outside its process, for the {@code vivarium} commands:
 * lifecycle changes (through the registry's request queue when a colony is running, as direct
 * registry edits otherwise), the lineage tree, and agent export and import as tar files.
 *
 * <p>Depends on {@code core} and the colony's registry and checkpoint store; never on the
 * runtime's live objects.
 */
package io.vivarium.colony.admin;
