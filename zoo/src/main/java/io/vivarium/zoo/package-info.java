/**
 * The zookeeper: the colony's web console and HTTP API (Javalin), reading the colony's durable
 * records so that a stopped colony can still be browsed, and its Prometheus {@code /metrics}
 * (Micrometer's Prometheus registry).
 *
 * <p>Depends on {@code core} and {@code colony} (and {@code lab} through it: the soup page reads a
 * soup through {@code lab.soup}, never the world's own package). The only module that may use the
 * web server.
 */
package io.vivarium.zoo;
