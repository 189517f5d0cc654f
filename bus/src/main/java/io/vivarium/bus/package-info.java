/**
 * The MQTT bus: the embedded broker ({@link io.vivarium.bus.EmbeddedBroker}), the client
 * ({@link io.vivarium.bus.MqttBus} behind the {@link io.vivarium.bus.Bus} interface), the topic
 * schema ({@link io.vivarium.bus.TopicSchema}, {@link io.vivarium.bus.Topics}) and the payload
 * codecs agents and people talk with, and who may connect ({@link io.vivarium.bus.BusCredentials}
 * for the embedded broker, TLS and client certificates for external ones). docs/bus.md
 * describes topics, byte layouts and logins.
 *
 * <p>Depends on {@code core}, Jackson, SLF4J, the HiveMQ MQTT client and Moquette. The only
 * module that may use an MQTT library.
 */
package io.vivarium.bus;
