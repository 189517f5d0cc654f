package io.vivarium.core.config;

import java.lang.reflect.RecordComponent;

/**
 * One leaf of the configuration tree.
 *
 * @param path the dotted key, e.g. {@code colony.agents}
 * @param type the Java type of its value: int, long, double, boolean or String
 * @param doc the field's one-line description
 * @param rule the rule its value obeys in words, or {@code ""} when any value of the type goes
 * @param component the record component behind it
 */
public record ConfigKey(String path, Class<?> type, String doc, String rule, RecordComponent component) {

  /** The type as users read it in docs and errors. */
  public String typeName() {
    if (type == int.class || type == long.class) {
      return "integer";
    }
    if (type == double.class) {
      return "number";
    }
    if (type == boolean.class) {
      return "boolean";
    }
    return "text";
  }

  /** The type with its article, for messages: "an integer", "a number", … */
  public String aTypeName() {
    return type == int.class || type == long.class ? "an integer" : "a " + typeName();
  }
}
