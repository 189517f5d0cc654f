/**
 * The MQTT bus: the embedded broker, the client and the topic schema agents and people talk on.
 *
 * <p>Depends on {@code core} only. The only module that may use an MQTT library.
 */
package io.vivarium.bus;
