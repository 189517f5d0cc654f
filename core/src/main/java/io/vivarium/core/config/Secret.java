package io.vivarium.core.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a configuration field that holds a secret (a password, a token): it is never written to
 * disk or printed; {@link ConfigResolver#toToml(VivariumConfig, boolean)} shows it redacted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Secret {}
