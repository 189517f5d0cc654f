package io.vivarium.colony.export;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of an exported table: a name a notebook can use as an identifier and a type.
 *
 * @param name lower-case letters, digits and underscores, starting with a letter
 * @param type what its values are
 */
public record Column(String name, Type type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  /** The value types a table holds; every column is required (no nulls). */
  public enum Type {
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code Integer}. */
    INT32,
    /** {@code Long}. */
    INT64,
    /** {@code Double}. */
    DOUBLE,
    /** {@code byte[]}: raw bytes (hex in CSV). */
    BYTES,
    /** {@code String}, UTF-8. */
    STRING
  }

  public Column {
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("column name '" + name + "' must be lower-case letters, digits and "
          + "underscores, starting with a letter");
    }
  }

  /** Checks that {@code v} is a value of this column's type; returns it. */
  Object check(Object v) {
    boolean ok = switch (type) {
      case BOOLEAN -> v instanceof Boolean;
      case INT32 -> v instanceof Integer;
      case INT64 -> v instanceof Long;
      case DOUBLE -> v instanceof Double;
      case BYTES -> v instanceof byte[];
      case STRING -> v instanceof String;
    };
    if (!ok) {
      throw new IllegalArgumentException("column " + name + " holds " + type + " values; got "
          + (v == null ? "null" : v.getClass().getSimpleName()));
    }
    return v;
  }
}
