/**
 * The shared language of the house: the byte-token vocabulary, channels, seeds and events, and
 * {@code AtomicFile}, the one way a whole file is replaced without a torn write.
 *
 * <p>Depends on the JDK only (Jackson in the {@code config} package, protobuf-java in {@code tb},
 * TensorBoard's event files). Every other module may
 * depend on this one; it depends on no other Vivarium module.
 */
package io.vivarium.core;
