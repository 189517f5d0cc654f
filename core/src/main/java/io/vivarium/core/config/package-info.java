/**
 * The one configuration tree ({@link io.vivarium.core.config.VivariumConfig}) and its
 * resolution: defaults, then (for a resumed colony, {@link io.vivarium.core.config.RunConfig})
 * its stored configuration, then a TOML file, then {@code key=value} overrides, each value
 * checked against the rule its field declares.
 *
 * <p>Depends on {@code io.vivarium.core} and Jackson's TOML reader. Modules add fields to
 * their own section record; docs/configuration.md is generated from these records.
 */
package io.vivarium.core.config;
