package io.vivarium.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the configuration: defaults, then a TOML file, then {@code key=value} overrides.
 * Every value is checked against its field's type and rule; an unknown key names the closest
 * known one. Errors are {@link IllegalArgumentException}s whose message names the input, the
 * rule and the fix.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigResolver {
  private static final List<ConfigKey> KEYS = List.copyOf(collect(VivariumConfig.class, ""));

  private ConfigResolver() {}

  /** Every leaf key of the tree, in declaration order. */
  public static List<ConfigKey> keys() {
    return KEYS;
  }

  /**
   * The effective configuration.
   *
   * @param file a TOML file, or {@code null} for none
   * @param overrides {@code key=value} strings, applied last, in order
   */
  public static VivariumConfig resolve(Path file, List<String> overrides) {
    Map<String, Object> values = flatten(VivariumConfig.defaults());
    if (file != null) {
      readToml(file, "--config " + file, values);
    }
    override(overrides, values);
    return build(values);
  }

  /** Parses {@code key=value} strings into {@code values}, in order; each is checked. */
  static void override(List<String> overrides, Map<String, Object> values) {
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "override '" + o + "' must have the form key=value, e.g. brain.threads=2");
      }
      String key = o.substring(0, eq).trim();
      ConfigKey k = key(key, "command line");
      values.put(key, parse(k, o.substring(eq + 1).trim(), "command line"));
    }
  }

  /** The value secrets are shown as when redacted. */
  public static final String REDACTED = "<redacted>";

  /**
   * The configuration as TOML text, one section per room, each key with its description. This
   * full form includes secrets: it is what {@link #hash} digests, never what is written or shown.
   */
  public static String toToml(VivariumConfig config) {
    return toToml(config, false);
  }

  /**
   * The configuration as TOML text; with {@code redact}, every non-empty {@link Secret} field
   * reads {@value #REDACTED}. Files and terminals get the redacted form.
   */
  public static String toToml(VivariumConfig config, boolean redact) {
    StringBuilder out = new StringBuilder("# Vivarium configuration (resolved)\n");
    String section = null;
    for (Map.Entry<String, Object> e : flatten(config, redact).entrySet()) {
      String path = e.getKey();
      int dot = path.lastIndexOf('.');
      String s = path.substring(0, dot);
      if (!s.equals(section)) {
        section = s;
        out.append('\n').append('[').append(s).append("]\n");
      }
      Object v = e.getValue();
      String value = v instanceof String str ? quote(str) : String.valueOf(v);
      out.append(path.substring(dot + 1)).append(" = ").append(value)
          .append("  # ").append(key(path, "").doc()).append('\n');
    }
    return out.toString();
  }

  /** The SHA-256 of the configuration's TOML form, in hex; equal configs hash equal. */
  public static String hash(VivariumConfig config) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(toToml(config).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** The configuration as dotted key → value, in declaration order. */
  public static Map<String, Object> flatten(VivariumConfig config) {
    return flatten(config, false);
  }

  /** As {@link #flatten(VivariumConfig)}; with {@code redact}, non-empty secrets read {@value #REDACTED}. */
  public static Map<String, Object> flatten(VivariumConfig config, boolean redact) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten(config, "", out);
    if (redact) {
      for (ConfigKey k : KEYS) {
        if (k.component().isAnnotationPresent(Secret.class) && !"".equals(out.get(k.path()))) {
          out.put(k.path(), REDACTED);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------

  private static void flatten(Record r, String prefix, Map<String, Object> out) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v = get(c, r);
      if (v instanceof Record sub) {
        flatten(sub, prefix + c.getName() + ".", out);
      } else {
        out.put(prefix + c.getName(), v);
      }
    }
  }

  private static List<ConfigKey> collect(Class<?> type, String prefix) {
    List<ConfigKey> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      String path = prefix + c.getName();
      if (c.getType().isRecord()) {
        out.addAll(collect(c.getType(), path + "."));
      } else {
        Doc doc = c.getAnnotation(Doc.class);
        if (doc == null) {
          throw new IllegalStateException("configuration field " + path + " lacks @Doc");
        }
        out.add(new ConfigKey(path, c.getType(), doc.value(), rule(c), c));
      }
    }
    return out;
  }

  private static String rule(RecordComponent c) {
    Range r = c.getAnnotation(Range.class);
    if (r != null) {
      return c.getType() == double.class
          ? "between " + r.min() + " and " + r.max()
          : "between " + (long) r.min() + " and " + (long) r.max();
    }
    OneOf o = c.getAnnotation(OneOf.class);
    if (o != null) {
      return "one of " + String.join(", ", o.value());
    }
    Pattern p = c.getAnnotation(Pattern.class);
    return p != null ? p.rule() : "";
  }

  /** Reads the TOML {@code file} into {@code values}; {@code source} names it in errors. */
  static void readToml(Path file, String source, Map<String, Object> values) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "configuration file " + file + " does not exist; check the --config path");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "configuration file " + file + " is not valid TOML: " + e.getOriginalMessage()
              + locationOf(e) + "; fix the file (vivarium config prints a valid one)");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read configuration file " + file + ": " + e.getMessage());
    }
    walk(root, "", source, values);
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static void walk(JsonNode node, String prefix, String source, Map<String, Object> values) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        if (KEYS.stream().noneMatch(k -> k.path().startsWith(path + "."))) {
          key(path, source); // throws with a suggestion
        }
        walk(v, path + ".", source, values);
        continue;
      }
      ConfigKey k = key(path, source);
      if (v.isContainerNode() || v.isNull()) {
        throw new IllegalArgumentException(
            k.path() + " must be " + k.aTypeName() + " (" + source + "); got " + v);
      }
      String text = v.isTextual() ? v.textValue() : v.asText();
      if (v.isTextual() && k.type() != String.class) {
        throw new IllegalArgumentException(
            k.path() + " must be " + k.aTypeName() + ", not text (" + source + "); got \""
                + text + "\"; write it without quotes");
      }
      values.put(path, parse(k, text, source));
    }
  }

  static ConfigKey key(String path, String source) {
    for (ConfigKey k : KEYS) {
      if (k.path().equals(path)) {
        return k;
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = path.toLowerCase(Locale.ROOT);
    for (ConfigKey k : KEYS) {
      String candidate = k.path().toLowerCase(Locale.ROOT);
      int d = distance(lower, candidate);
      String leaf = candidate.substring(candidate.lastIndexOf('.') + 1);
      if (lower.equals(leaf) || lower.endsWith("." + leaf)) {
        d = Math.min(d, 1);
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = k.path();
      }
    }
    String where = source.isEmpty() ? "" : " (" + source + ")";
    throw new IllegalArgumentException(
        "unknown configuration key '" + path + "'" + where + "; did you mean '" + best
            + "'? (vivarium config lists every key)");
  }

  static Object parse(ConfigKey k, String text, String source) {
    Object value;
    try {
      if (k.type() == int.class) {
        value = Integer.parseInt(text);
      } else if (k.type() == long.class) {
        value = Long.parseLong(text);
      } else if (k.type() == double.class) {
        value = Double.parseDouble(text);
        if (!Double.isFinite((Double) value)) {
          throw new NumberFormatException();
        }
      } else if (k.type() == boolean.class) {
        if (!text.equals("true") && !text.equals("false")) {
          throw new NumberFormatException();
        }
        value = Boolean.parseBoolean(text);
      } else {
        value = text;
      }
    } catch (NumberFormatException e) {
      String hint = k.type() == boolean.class ? "true or false" : k.aTypeName();
      throw new IllegalArgumentException(
          k.path() + " must be " + hint + " (" + source + "); got '" + text + "'");
    }
    check(k, value, source);
    return value;
  }

  private static void check(ConfigKey k, Object value, String source) {
    RecordComponent c = k.component();
    Range r = c.getAnnotation(Range.class);
    if (r != null) {
      double v = ((Number) value).doubleValue();
      if (v < r.min() || v > r.max()) {
        throw new IllegalArgumentException(
            k.path() + " must be " + k.rule() + " (" + source + "); got " + value);
      }
    }
    OneOf o = c.getAnnotation(OneOf.class);
    if (o != null && !Arrays.asList(o.value()).contains(value)) {
      throw new IllegalArgumentException(
          k.path() + " must be " + k.rule() + " (" + source + "); got '" + value + "'");
    }
    Pattern p = c.getAnnotation(Pattern.class);
    if (p != null && !((String) value).matches(p.value())) {
      throw new IllegalArgumentException(
          k.path() + " must be " + p.rule() + " (" + source + "); got '" + value + "'");
    }
  }

  static VivariumConfig build(Map<String, Object> values) {
    return (VivariumConfig) build(VivariumConfig.class, "", values);
  }

  private static Object build(Class<?> type, String prefix, Map<String, Object> values) {
    RecordComponent[] cs = type.getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      String path = prefix + cs[i].getName();
      args[i] = types[i].isRecord() ? build(types[i], path + ".", values) : values.get(path);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private static Object get(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Levenshtein distance, for suggestions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
