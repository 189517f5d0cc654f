package io.vivarium.core.config;

import java.util.Map;

/**
 * Renders the configuration reference in Markdown from the records, so that
 * docs/configuration.md never drifts from the code (a test compares them).
 */
public final class ConfigDocs {
  private ConfigDocs() {}

  /** The reference table of every key: default, type, rule and description. */
  public static String markdown() {
    Map<String, Object> defaults = ConfigResolver.flatten(VivariumConfig.defaults());
    StringBuilder out = new StringBuilder();
    String section = null;
    for (ConfigKey k : ConfigResolver.keys()) {
      String s = k.path().substring(0, k.path().lastIndexOf('.'));
      if (!s.equals(section)) {
        section = s;
        out.append("\n### `").append(s).append("`\n\n")
            .append("| key | default | type | rule | description |\n")
            .append("| --- | --- | --- | --- | --- |\n");
      }
      Object d = defaults.get(k.path());
      String shown = d instanceof String str ? "\"" + str + "\"" : String.valueOf(d);
      out.append("| `").append(k.path()).append("` | `").append(shown).append("` | ")
          .append(k.typeName()).append(" | ").append(k.rule().replace("|", "\\|"))
          .append(" | ").append(k.doc()).append(" |\n");
    }
    return out.toString();
  }
}
