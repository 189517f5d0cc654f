package io.vivarium.core.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A regular expression a text configuration field must match, with a readable rule. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Pattern {
  /** The regular expression the whole value must match. */
  String value();

  /** The rule in words, e.g. {@code "lower-case letters, digits and '-'"}. */
  String rule();
}
