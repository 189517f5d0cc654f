/**
 * What people do to a colony from outside its process, for the {@code vivarium} commands:
 * lifecycle changes (through the registry's request queue when a colony is running, as direct
 * registry edits otherwise), the lineage tree, whole agents exported and imported as tar files
 * (an import into an empty directory creates the colony), and people's questions from outside
 * ({@code Inquiry}: waiting for answers, the consensus vote with the memory).
 *
 * <p>Depends on {@code core}, {@code memory} (read-only recall for the consensus) and the colony's
 * registry and checkpoint store; never on the runtime's live objects.
 */
package io.vivarium.colony.admin;
